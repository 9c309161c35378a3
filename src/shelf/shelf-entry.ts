// One ID on the shelf as it is stored: a chunk of its own, read only when something is stored (see
// stored-list.ts).
import { z } from 'zod/mini'

export const ShelfEntry = z.object({
  id: z.string(),
  field: z.enum(['voice_id', 'character_id', 'profile_id']),
  idKind: z.enum(['kling-voice', 'minimax-voice', 'voice', 'sora-character', 'phota-profile']),
  name: z.optional(z.string()),
  label: z.string(),
  taskId: z.string(),
  model: z.optional(z.string()),
  /** When foxwatch first saw it, ms since the epoch. */
  seenAt: z.number(),
})
export type ShelfEntry = z.infer<typeof ShelfEntry>
