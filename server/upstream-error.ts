// foxwatch's own error answers use foxapi's error body shape, so the page parses one format.

export type ErrorType =
  | 'invalid_request_error'
  | 'invalid_task_id'
  | 'missing_key'
  | 'upstream_timeout'
  | 'upstream_unreachable'
  | 'upstream_too_large'
  | 'upstream_bad_response'
  | 'upstream_not_json'
  | 'server_busy'
  | 'body_too_large'
  | 'method_not_allowed'
  | 'save_refused'
  | 'save_failed'

export function errorResponse(status: number, type: ErrorType, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { type, message } }, {
    status,
    headers: { 'cache-control': 'no-store', ...headers },
  })
}
