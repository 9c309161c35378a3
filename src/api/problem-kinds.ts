// Every kind of problem a task query can have, and which of them stop polling: no schemas here, so
// the polling policy and the watchlist can know them without loading the response parsing.
export type Problem =
  | { kind: 'network'; where: 'foxwatch' | 'foxapi' }
  | { kind: 'timeout' }
  | { kind: 'no-key' }
  | { kind: 'unauthorized'; status: number; message: string | undefined }
  | { kind: 'quota'; message: string | undefined }
  | { kind: 'not-found'; taskId: string }
  | { kind: 'invalid-request'; status: number; message: string | undefined }
  /** foxwatch's own server refused the ID before asking foxapi. */
  | { kind: 'invalid-id'; message: string | undefined }
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined }
  | { kind: 'upstream'; status: number; retryAfterSeconds: number | undefined; message: string | undefined }
  | { kind: 'bad-response'; detail: string }
  /** foxwatch's own server has no room for another large answer just now. */
  | { kind: 'busy'; retryAfterSeconds: number | undefined }

export type ProblemKind = Problem['kind']

/** Problems that another query cannot fix: polling stops until the person acts. */
export const STOPS_POLLING = {
  'network': false,
  'timeout': false,
  'no-key': true,
  'unauthorized': true,
  'quota': true,
  'not-found': true,
  'invalid-request': true,
  'invalid-id': true,
  'rate-limited': false,
  'upstream': false,
  'bad-response': false,
  'busy': false,
} as const satisfies Record<ProblemKind, boolean>

/** A problem in a word or two, for a list's row: "Needs key", "rate limited", "not found". */
export function problemWord(kind: ProblemKind): string {
  return kind === 'no-key' ? 'Needs key' : kind.replace('-', ' ')
}
