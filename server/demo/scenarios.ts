// The demo upstream's tasks: one scenario per family of foxapi result, in the exact wire format.
import transcript from './assets/transcript.json' with { type: 'json' }

type FileUrl = (name: string) => string

export type Scenario = {
  /** The ID prefix: `demo-<name>` and `demo-<name>-<anything>` run this scenario. */
  name: string
  /** What a newcomer reads on the empty page. */
  title: string
  model: string
  type: 'image' | 'video' | 'audio' | 'llm' | 'hologram'
  object: string
  pendingMs: number
  processingMs: number
  /** Sent as `task_info.estimated_time` (seconds) while the task runs, when set. */
  estimatedSeconds?: number
  settle:
    | { status: 'completed'; results: (file: FileUrl) => unknown[] }
    | { status: 'completed'; output: (file: FileUrl) => Record<string, unknown> }
    | { status: 'failed'; error: { code: string; message: string } }
    | { status: 'cancelled' }
}

const image = (file: FileUrl, name: string) => ({ url: file(name), content_type: 'image/png', width: 512, height: 512 })

const pbrMap = (file: FileUrl, name: string, mapType: string) => ({
  url: file(name),
  content_type: name.endsWith('.jpg') ? 'image/jpeg' : 'image/png',
  result_type: 'pbr_map',
  map_type: mapType,
})

const chatAnswer = `## Polling a foxapi task

Poll \`GET /v1/tasks/{id}\` until the status **settles**, and back off as you go:

| status | what to do |
| --- | --- |
| pending | wait ~1 s |
| processing | wait longer each time |
| completed / failed | stop polling |

\`\`\`ts
async function waitFor(id: string): Promise<Task> {
  for (let delay = 1000; ; delay = Math.min(delay * 1.5, 5000)) {
    const task = await getTask(id)
    if (task.status === 'completed' || task.status === 'failed') return task
    await new Promise((resolve) => setTimeout(resolve, delay))
  }
}
\`\`\`

Remember: result URLs expire after **24 hours**, so save them promptly.`

// The second choice of `chat-tools`: every GFM feature the chat view draws, plus raw HTML that
// must be shown as text and never run (the browser tests check window.__pwned stays unset).
const toolsAnswer = `### Lisbon this weekend

Without live data, here is what late November usually looks like:

| day | high | low | rain |
| --- | ---: | ---: | --- |
| Saturday | 17 °C | 11 °C | showers |
| Sunday | 16 °C | 10 °C | dry |

- pack a light rain jacket
- mornings are cool, afternoons mild

To fetch a forecast yourself:

\`\`\`python
import requests

forecast = requests.get("https://api.open-meteo.com/v1/forecast", params={"latitude": 38.72, "longitude": -9.14, "daily": "temperature_2m_max"})
print(forecast.json())
\`\`\`

Sources: [Open-Meteo](https://open-meteo.com/en/docs) · [this link does nothing](javascript:window.__pwned=3)

This must stay text: <img src=x onerror="window.__pwned=1">

<script>window.__pwned=2</script>`

export const scenarios: readonly Scenario[] = [
  {
    name: 'image', title: 'Three generated images', model: 'gemini-3.1-flash-image-preview',
    type: 'image', object: 'image.generation.task', pendingMs: 1500, processingMs: 5000,
    settle: { status: 'completed', results: (f) => [image(f, 'image-1.png'), image(f, 'image-2.png'), image(f, 'image-3.png')] },
  },
  {
    name: 'video', title: 'A Seedance video with its seed', model: 'seedance-2.0-text-to-video',
    type: 'video', object: 'video.generation.task', pendingMs: 2000, processingMs: 8000, estimatedSeconds: 10,
    settle: {
      status: 'completed',
      results: (f) => [{ url: f('video.mp4'), seed: 1947203311, content_type: 'video/mp4', width: 480, height: 270, duration: 4 }],
    },
  },
  {
    name: 'audio', title: 'Text to speech', model: 'eleven-multilingual-v2',
    type: 'audio', object: 'audio.generation.task', pendingMs: 1000, processingMs: 4000,
    settle: { status: 'completed', results: (f) => [{ url: f('tts.mp3'), content_type: 'audio/mpeg', duration: 4.6 }] },
  },
  {
    name: 'chat', title: 'A chat completion', model: 'gpt-5.1-mini',
    type: 'llm', object: 'llm.generation.task', pendingMs: 1000, processingMs: 4000,
    settle: {
      status: 'completed',
      results: () => [{
        id: 'chatcmpl-demo-7f3a9c',
        object: 'chat.completion',
        created: 1764100000,
        model: 'gpt-5.1-mini',
        choices: [{
          index: 0,
          message: {
            role: 'assistant',
            content: chatAnswer,
            reasoning_content: 'The user wants to know how to poll. Explain the statuses, give a backoff loop, and warn about the 24-hour expiry.',
          },
          finish_reason: 'stop',
        }],
        usage: { prompt_tokens: 42, completion_tokens: 187, total_tokens: 229 },
      }],
    },
  },
  {
    name: 'chat-tools', title: 'Two chat choices: a tool call and a rich answer', model: 'gpt-5.1',
    type: 'llm', object: 'llm.generation.task', pendingMs: 1000, processingMs: 4000,
    settle: {
      status: 'completed',
      results: () => [{
        id: 'chatcmpl-demo-tools-41d2',
        object: 'chat.completion',
        created: 1764100000,
        model: 'gpt-5.1-2025-11-13',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: 'Let me look up the current forecast for Lisbon.',
              tool_calls: [{
                id: 'call_7Qx2Lw9v',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"location":"Lisbon, PT","unit":"celsius","days":2}' },
              }],
            },
            finish_reason: 'tool_calls',
          },
          {
            index: 1,
            message: {
              role: 'assistant',
              content: toolsAnswer,
              reasoning_content: 'No tool result yet, so answer from climate norms, show a table, and give a snippet to fetch real data.',
            },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 118, completion_tokens: 264, total_tokens: 382 },
      }],
    },
  },
  {
    name: 'transcript', title: 'A two-speaker transcript (scribe-v2)', model: 'scribe-v2',
    type: 'audio', object: 'audio.generation.task', pendingMs: 1500, processingMs: 6000,
    settle: { status: 'completed', results: () => [transcript] },
  },
  {
    name: 'pbr', title: 'A PBR map set (five maps)', model: 'patina-pbr-maps',
    type: 'image', object: 'image.generation.task', pendingMs: 1500, processingMs: 6000,
    settle: {
      status: 'completed',
      results: (f) => [
        pbrMap(f, 'pbr-basecolor.jpg', 'basecolor'),
        pbrMap(f, 'pbr-normal.png', 'normal'),
        pbrMap(f, 'pbr-roughness.png', 'roughness'),
        pbrMap(f, 'pbr-metalness.png', 'metalness'),
        pbrMap(f, 'pbr-height.png', 'height'),
      ],
    },
  },
  {
    name: 'material', title: 'A material: texture and maps', model: 'patina-material',
    type: 'image', object: 'image.generation.task', pendingMs: 1500, processingMs: 6000,
    settle: {
      status: 'completed',
      results: (f) => [
        { url: f('material-texture.jpg'), content_type: 'image/jpeg', result_type: 'texture' },
        pbrMap(f, 'pbr-basecolor.jpg', 'albedo'),
        pbrMap(f, 'pbr-normal.png', 'normal'),
        pbrMap(f, 'pbr-roughness.png', 'roughness'),
        pbrMap(f, 'pbr-height.png', 'displacement'),
      ],
    },
  },
  {
    name: 'voice-clone', title: 'A cloned voice with a preview', model: 'minimax-voice-clone',
    type: 'audio', object: 'audio.generation.task', pendingMs: 1500, processingMs: 5000,
    settle: {
      status: 'completed',
      results: (f) => [{ voice_id: 'foxwatch_demo_voice_20261126', url: f('voice-preview.mp3'), content_type: 'audio/mpeg' }],
    },
  },
  {
    name: 'kling-voice', title: 'A Kling voice ID', model: 'kling-video-create-voice',
    type: 'video', object: 'video.generation.task', pendingMs: 1000, processingMs: 4000,
    settle: { status: 'completed', results: () => [{ voice_id: '829410375520931841' }] },
  },
  {
    name: 'sora-character', title: 'A Sora 2 character', model: 'sora-2-character',
    type: 'video', object: 'video.generation.task', pendingMs: 1000, processingMs: 5000,
    settle: { status: 'completed', results: () => [{ character_id: 'char_6924b1f0e3a4819c', name: 'Captain Fox' }] },
  },
  {
    name: 'phota-profile', title: 'A PHOTA person profile', model: 'phota-create-profile',
    type: 'image', object: 'image.generation.task', pendingMs: 1000, processingMs: 5000,
    settle: { status: 'completed', results: () => [{ result_type: 'profile', profile_id: 'prof_01KAXR7M3FQ2' }] },
  },
  {
    name: 'failed', title: 'A task that fails', model: 'seedance-2.0-image-to-video',
    type: 'video', object: 'video.generation.task', pendingMs: 1000, processingMs: 4000,
    settle: {
      status: 'failed',
      error: { code: 'generation_failed', message: 'The upstream provider rejected the input image: it is smaller than 300x300 pixels.' },
    },
  },
  {
    name: 'cancelled', title: 'A cancelled task', model: 'kling-v2.5-turbo',
    type: 'video', object: 'video.generation.task', pendingMs: 1000, processingMs: 3000,
    settle: { status: 'cancelled' },
  },
  {
    name: 'legacy', title: 'The older output{url, urls} shape', model: 'flux-2-pro',
    type: 'image', object: 'image.generation.task', pendingMs: 1000, processingMs: 4000,
    settle: {
      status: 'completed',
      output: (f) => ({ url: f('image-2.png'), urls: [f('image-2.png'), f('image-3.png')], width: 512, height: 512 }),
    },
  },
  {
    name: 'unknown', title: 'A model nobody knows yet', model: 'holo-mesh-0.1',
    type: 'hologram', object: 'hologram.generation.task', pendingMs: 1000, processingMs: 4000,
    settle: {
      status: 'completed',
      results: (f) => [{ mesh: { format: 'glb', vertices: 20480 }, preview: f('image-1.png'), tags: ['fox', 'low-poly'] }],
    },
  },
  {
    name: 'slow', title: 'A slow video (three minutes)', model: 'veo-3.1',
    type: 'video', object: 'video.generation.task', pendingMs: 5000, processingMs: 175_000, estimatedSeconds: 180,
    settle: {
      status: 'completed',
      results: (f) => [{ url: f('video.mp4'), content_type: 'video/mp4', width: 480, height: 270, duration: 4 }],
    },
  },
]

/** The scenario an ID runs: the longest name that `demo-<name>` or `demo-<name>-…` matches. */
export function scenarioFor(taskId: string): Scenario | undefined {
  if (!taskId.startsWith('demo-')) return undefined
  const rest = taskId.slice('demo-'.length)
  return [...scenarios]
    .sort((a, b) => b.name.length - a.name.length)
    .find((s) => rest === s.name || rest.startsWith(`${s.name}-`))
}
