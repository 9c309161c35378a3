// foxapi's error body, `{"error": {"message", "type"}}`, which foxwatch's own server answers in
// too: the one schema for it, read by the task client and by Save and Keep.
import { z } from 'zod/mini'

const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined)

export const RawErrorBody = z.looseObject({
  error: z.looseObject({
    message: lenient(z.string()),
    type: lenient(z.string()),
    code: lenient(z.unknown()),
  }),
})
export type RawErrorBody = z.infer<typeof RawErrorBody>

/** The sentence in an error body, if it has one. */
export function errorMessage(body: unknown): string | undefined {
  const parsed = RawErrorBody.safeParse(body)
  return parsed.success ? parsed.data.error.message : undefined
}
