// One watched task as the watchlist stores it: a chunk of its own, read only when something is
// stored (see stored-list.ts).
import { z } from 'zod/mini'

export const WatchEntry = z.object({ taskId: z.string().check(z.minLength(1)), addedAt: z.number() })
export type WatchEntry = z.infer<typeof WatchEntry>
