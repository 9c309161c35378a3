// What each key of a stored list holds (see stored-list.ts): its own chunk, with zod, fetched only
// when something stored has to be read.
import { z } from 'zod/mini'

export const StoredRecord = z.object({ order: z.number(), entry: z.unknown() })
