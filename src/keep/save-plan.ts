// What "Save all" puts in a task's zip: every result file under a sensible name, the last
// response, and the files derived from it (subtitles and text for a transcript, markdown for chat).
import { readableJson } from '../api/deep-json'
import type { Artifact, ChatArtifact, TaskView } from '../api/task-view'
import { hasUrl } from '../api/task-view'
import { extensionOf, fileNameFor } from '../api/file-name'
import { buildCues, toJson, toPlainText, toSrt, toVtt } from '../api/transcript-cues'

export type SavePlan = {
  taskId: string
  task: string
  files: Array<{ url: string; name: string }>
  derived: Array<{ name: string; text: string }>
}

function chatMarkdown(chat: ChatArtifact): string {
  return chat.choices
    .map((choice) => {
      const heading = chat.choices.length > 1 ? `# Choice ${choice.index + 1}\n\n` : ''
      const reasoning = choice.reasoning ? `<details><summary>Reasoning</summary>\n\n${choice.reasoning}\n\n</details>\n\n` : ''
      const calls = choice.toolCalls.map((call) => `\n\nTool call \`${call.name}\`:\n\n\`\`\`json\n${call.arguments}\n\`\`\``).join('')
      return `${heading}${reasoning}${choice.content}${calls}\n`
    })
    .join('\n')
}

function derivedFiles(artifact: Artifact, several: boolean): Array<{ name: string; text: string }> {
  const suffix = several ? `-${artifact.index + 1}` : ''
  switch (artifact.kind) {
    case 'transcript': {
      const cues = buildCues(artifact.words)
      return [
        { name: `transcript${suffix}.srt`, text: toSrt(cues) },
        { name: `transcript${suffix}.vtt`, text: toVtt(cues) },
        { name: `transcript${suffix}.txt`, text: toPlainText(cues) },
        { name: `transcript${suffix}.json`, text: toJson(artifact) },
      ]
    }
    case 'chat':
      return [
        { name: `chat${suffix}.md`, text: chatMarkdown(artifact) },
        { name: `chat${suffix}.json`, text: `${JSON.stringify(artifact, null, 2)}\n` },
      ]
    case 'profile-id':
      return [{ name: `${artifact.field}${suffix}.txt`, text: `${artifact.id}\n` }]
    case 'image': case 'video': case 'audio': case 'pbr-map': case 'texture': case 'raw':
      return []
  }
}

export function savePlan(task: TaskView): SavePlan {
  // PBR maps and textures go in one folder named after the material (the task), by map type.
  const material = `material-${task.id}`.replace(/[^\w.-]+/g, '_')
  const files = task.artifacts.filter(hasUrl).map((artifact) => {
    const extension = extensionOf(artifact)
    if (artifact.kind === 'pbr-map') return { url: artifact.url, name: `${material}/${artifact.mapType.replace(/[^\w.-]+/g, '_')}.${extension}` }
    if (artifact.kind === 'texture') return { url: artifact.url, name: `${material}/texture-${artifact.index + 1}.${extension}` }
    return { url: artifact.url, name: fileNameFor(task.id, artifact) }
  })
  const counts = new Map<string, number>()
  for (const a of task.artifacts) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1)
  const derived = task.artifacts.flatMap((artifact) => derivedFiles(artifact, (counts.get(artifact.kind) ?? 0) > 1))
  // Indented as ever; on one line when nested too deep to indent (or for JSON.stringify to write).
  return { taskId: task.id, task: `${readableJson(task.raw).text}\n`, files, derived }
}

/**
 * One zip of several tasks: each task's folder holds what its own Save all would (task.json, its
 * files, the derived files), and the top-level task.json lists the tasks and their folders.
 */
export function selectionPlan(tasks: readonly TaskView[]): SavePlan {
  const plans = tasks.map(savePlan)
  const folderOf = (taskId: string) => taskId.replace(/[^\w.-]+/g, '_')
  const index = { tasks: tasks.map((task) => ({ id: task.id, status: task.status, model: task.model ?? null, folder: folderOf(task.id) })) }
  return {
    taskId: `foxwatch-${tasks.length}-tasks`,
    task: `${JSON.stringify(index, null, 2)}\n`,
    files: plans.flatMap((plan) => plan.files.map((file) => ({ url: file.url, name: `${folderOf(plan.taskId)}/${file.name}` }))),
    derived: plans.flatMap((plan) => [
      { name: `${folderOf(plan.taskId)}/task.json`, text: plan.task },
      ...plan.derived.map((file) => ({ name: `${folderOf(plan.taskId)}/${file.name}`, text: file.text })),
    ]),
  }
}
