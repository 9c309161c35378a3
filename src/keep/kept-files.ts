// Tasks kept in this browser's origin private file system, so previews, Save and Save all work
// after the result links die. One folder per task: each result file's bytes, then meta.json.
// meta.json is written last and is what makes a folder a kept task, so a keep that fails part
// way (storage full, a dead link, a closed tab) never shows up as a half-kept task (its schema is
// kept-meta.ts). Keeping, removing and opening kept files; the list the page shows is kept-store.ts.
import { useEffect, useState } from 'react'
import { stringifyJson } from '../api/deep-json'
import { errorMessage } from '../api/error-body'
import { hasUrl, type TaskView } from '../api/task-view'
import { fileNameFor, saveHref } from '../api/file-name'
import { META, readMeta, type KeptFile, type KeptMeta } from './kept-meta'
import { isKeepAvailable, keptRoot, publishKept, readKept, refreshKept } from './kept-store'
import { hashingStream } from './hashing'

/** A folder name for any task ID: OPFS refuses `/`, `\`, `.` and `..`. */
function folderFor(taskId: string): string {
  return `task-${encodeURIComponent(taskId).replace(/\./g, '%2E')}`
}

const fileFor = (index: number) => `artifact-${index}`

class KeepFailed extends Error {}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError'
}

export function describeKeepError(taskId: string, error: unknown): string {
  if (isQuotaError(error)) {
    return `This browser's storage is full: ${taskId} was not kept, and the tasks already kept are untouched. Remove a kept task or free some disk space, then try again.`
  }
  if (error instanceof KeepFailed) return `${taskId} was not kept: ${error.message} Nothing was stored.`
  return `${taskId} was not kept: this browser refused to store it (${error instanceof Error ? error.message : String(error)}). Nothing was stored.`
}

async function copyInto(folder: FileSystemDirectoryHandle, url: string, name: string, index: number) {
  let response: Response
  try {
    // Through foxwatch's /api/save, which streams the file and sends no key to the result host.
    response = await fetch(saveHref(url, name))
  } catch {
    throw new KeepFailed('the foxwatch server is not answering.')
  }
  if (!response.ok || !response.body) {
    const message = errorMessage(await response.json().catch(() => null))
    throw new KeepFailed(`${name} could not be fetched (${message ?? `the server answered ${response.status}`}).`)
  }
  const handle = await folder.getFileHandle(fileFor(index), { create: true })
  // Streamed to disk chunk by chunk (the writable only replaces the file when it closes), and
  // hashed on the way for Save all's zip and manifest: one pass over the bytes, not two.
  const hashing = hashingStream()
  try {
    await response.body.pipeThrough(hashing.stream).pipeTo(await handle.createWritable())
  } catch (error) {
    hashing.abandon()
    throw error
  }
  const { crc32, sha256 } = await hashing.digest()
  return { contentType: response.headers.get('content-type'), size: (await handle.getFile()).size, crc32, sha256 }
}

let askedToPersist = false

/** Asks once that the browser not evict kept tasks under storage pressure. */
async function askToPersist() {
  if (askedToPersist) return
  askedToPersist = true
  try {
    if (!(await navigator.storage.persisted())) await navigator.storage.persist()
  } catch {
    // Best effort: without it the kept tasks are still stored, only evictable.
  }
}

function withProblem(taskId: string, problem: string | undefined): ReadonlyMap<string, string> {
  const problems = new Map(readKept().problems)
  if (problem === undefined) problems.delete(taskId)
  else problems.set(taskId, problem)
  return problems
}

function withKeeping(taskId: string, on: boolean): ReadonlySet<string> {
  const keeping = new Set(readKept().keeping)
  if (on) keeping.add(taskId)
  else keeping.delete(taskId)
  return keeping
}

/** Copies a task's result files and last response into this browser. False when it failed. */
export async function keepTask(task: TaskView): Promise<boolean> {
  if (!isKeepAvailable()) {
    publishKept({ problems: withProblem(task.id, `${task.id} was not kept: this browser has no private file system for foxwatch to keep files in.`) })
    return false
  }
  if (readKept().keeping.has(task.id)) return false
  publishKept({ keeping: withKeeping(task.id, true), problems: withProblem(task.id, undefined) })
  const name = folderFor(task.id)
  let root: FileSystemDirectoryHandle | undefined
  try {
    root = await keptRoot()
    const existing = await root.getDirectoryHandle(name).catch(() => undefined)
    if (existing && (await readMeta(existing))) return true
    // Whatever is there is a keep that never finished: start clean.
    if (existing) await root.removeEntry(name, { recursive: true })
    const folder = await root.getDirectoryHandle(name, { create: true })
    void askToPersist()
    const files: KeptFile[] = []
    for (const artifact of task.artifacts.filter(hasUrl)) {
      const fileName = fileNameFor(task.id, artifact)
      const copied = await copyInto(folder, artifact.url, fileName, artifact.index)
      files.push({
        index: artifact.index, url: artifact.url, name: fileName, contentType: copied.contentType ?? artifact.contentType ?? null, size: copied.size,
        keptAt: Date.now(), crc32: copied.crc32, sha256: copied.sha256,
      })
    }
    const meta: KeptMeta = { version: 1, taskId: task.id, model: task.model ?? null, keptAt: Date.now(), raw: stringifyJson(task.raw) ?? 'null', files }
    const writable = await (await folder.getFileHandle(META, { create: true })).createWritable()
    await writable.write(JSON.stringify(meta))
    await writable.close()
    return true
  } catch (error) {
    await root?.removeEntry(name, { recursive: true }).catch(() => undefined)
    publishKept({ problems: withProblem(task.id, describeKeepError(task.id, error)) })
    return false
  } finally {
    // Listed before "keeping" ends, so the page never flickers to "not kept" in between.
    await refreshKept()
    publishKept({ keeping: withKeeping(task.id, false) })
  }
}

export async function removeKept(taskId: string): Promise<void> {
  try {
    await (await keptRoot()).removeEntry(folderFor(taskId), { recursive: true })
    publishKept({ problems: withProblem(taskId, undefined) })
  } catch (error) {
    publishKept({ problems: withProblem(taskId, `${taskId} could not be removed: ${error instanceof Error ? error.message : String(error)}`) })
  }
  await refreshKept()
}

/** The kept files of a task, typed as they were served, by artifact index. */
export async function openKeptFiles(meta: KeptMeta): Promise<Map<number, File>> {
  const folder = await (await keptRoot()).getDirectoryHandle(folderFor(meta.taskId))
  const files = new Map<number, File>()
  for (const kept of meta.files) {
    const stored = await (await folder.getFileHandle(fileFor(kept.index))).getFile()
    // A new File over the stored one references its bytes, it does not copy them.
    files.set(kept.index, new File([stored], kept.name, { type: kept.contentType ?? '' }))
  }
  return files
}

/** The task with each kept result pointing at its local copy, for previews that outlive the links. */
export function withLocalUrls(task: TaskView, urls: LocalUrls): TaskView {
  return {
    ...task,
    artifacts: task.artifacts.map((artifact) => {
      const local = hasUrl(artifact) ? urls.get(artifact.index) : undefined
      return local && hasUrl(artifact) ? { ...artifact, url: local.url, contentType: artifact.contentType ?? local.contentType } : artifact
    }),
  }
}

export type LocalUrls = ReadonlyMap<number, { url: string; contentType: string | undefined }>

/** blob: URLs for a kept task's files, made while mounted and revoked after. */
export function useLocalUrls(meta: KeptMeta | undefined): LocalUrls | undefined {
  const [made, setMade] = useState<{ meta: KeptMeta; urls: LocalUrls } | undefined>(undefined)
  useEffect(() => {
    if (!meta) return
    const created: string[] = []
    let live = true
    void openKeptFiles(meta)
      .then((files) => {
        if (!live) return
        const urls = new Map<number, { url: string; contentType: string | undefined }>()
        for (const [index, file] of files) {
          const url = URL.createObjectURL(file)
          created.push(url)
          urls.set(index, { url, contentType: file.type || undefined })
        }
        setMade({ meta, urls })
      })
      // Files gone from under us (removed in another tab): the page falls back to the links.
      .catch(() => undefined)
    return () => {
      live = false
      created.forEach((url) => URL.revokeObjectURL(url))
    }
  }, [meta])
  return made && made.meta === meta ? made.urls : undefined
}
