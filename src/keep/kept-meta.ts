// What makes a folder of this browser's file system a kept task: its meta.json, read through a
// schema. A chunk of its own (the schemas need zod), fetched by the kept store only when there is
// a folder to read, and by the keeping code.
import { z } from 'zod/mini'

export const META = 'meta.json'

export const KeptFile = z.object({
  /** The artifact's position in the task's results. */
  index: z.int().check(z.minimum(0)),
  url: z.string(),
  /** The name Save gives it. */
  name: z.string(),
  contentType: z.nullable(z.string()),
  size: z.number().check(z.minimum(0)),
  keptAt: z.number(),
  /**
   * The file's CRC-32 and SHA-256, taken as it was kept, so Save all needs no second pass over it.
   * Files kept before these were recorded have neither, and are hashed when saved.
   */
  crc32: z.optional(z.int().check(z.minimum(0))),
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
})
export type KeptFile = z.infer<typeof KeptFile>

export const KeptMeta = z.object({
  version: z.literal(1),
  taskId: z.string(),
  model: z.nullable(z.string()),
  keptAt: z.number(),
  /** The task's last response, as the JSON text foxapi sent (re-serialised). */
  raw: z.string(),
  files: z.array(KeptFile),
})
export type KeptMeta = z.infer<typeof KeptMeta>

export async function readMeta(folder: FileSystemDirectoryHandle): Promise<KeptMeta | undefined> {
  try {
    const file = await (await folder.getFileHandle(META)).getFile()
    const parsed = KeptMeta.safeParse(JSON.parse(await file.text()))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** The kept tasks among these folders, newest first. */
/** A kept task as the lists show it: its meta.json, and the bytes it takes. */
export type KeptTask = { meta: KeptMeta; size: number }

export async function readKeptTasks(folders: readonly FileSystemDirectoryHandle[]): Promise<KeptTask[]> {
  const tasks: KeptTask[] = []
  for (const folder of folders) {
    // A folder without a readable meta.json is an unfinished keep: not a kept task.
    const meta = await readMeta(folder)
    if (!meta) continue
    const metaSize = (await (await folder.getFileHandle(META)).getFile()).size
    tasks.push({ meta, size: metaSize + meta.files.reduce((sum, file) => sum + file.size, 0) })
  }
  return tasks.sort((a, b) => b.meta.keptAt - a.meta.keptAt)
}
