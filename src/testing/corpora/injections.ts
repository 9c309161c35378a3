// Hostile strings for the injection tests of issue 6: markup and script for every text field a
// task can carry, dangerous URLs for every field that holds a link, and task IDs built to step out
// of their path segment. Each payload that would run sets `window.__pwned` or opens a dialog, so a
// browser test can tell at once if one ever did.

/** Markup and script that must only ever be shown as text. */
export const MARKUP: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<img src=x onerror=alert(1)>',
  '<svg onload="window.__pwned=1">',
  '<svg><animate onbegin="window.__pwned=1" attributeName="x" dur="1s">',
  '"><script>window.__pwned=1</script>',
  "'><img src=x onerror=alert(1)>",
  '</code></pre><script>window.__pwned=1</script>',
  '</textarea></title></style><script>window.__pwned=1</script>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '<body onload="window.__pwned=1">',
  '<details open ontoggle="window.__pwned=1">',
  '<input autofocus onfocus="window.__pwned=1">',
  '<object data="javascript:window.__pwned=1"></object>',
  '<embed src="javascript:window.__pwned=1">',
  '<form action="javascript:window.__pwned=1"><button>Go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<base href="javascript:window.__pwned=1//">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<!--<img src="--><img src=x onerror="window.__pwned=1"//">',
  '[click me](javascript:window.__pwned=1)',
  '[click me](JaVaScRiPt:alert(1))',
  '![picture](javascript:window.__pwned=1)',
  '<javascript:window.__pwned=1>',
  '[data](data:text/html,<script>window.__pwned=1</script>)',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '\u202e<script>window.__pwned=1</script>',
]

/** URLs a result field may hold that must never become a live link or source. */
export const DANGEROUS_URLS: readonly string[] = [
  'javascript:window.__pwned=1',
  'JAVASCRIPT:window.__pwned=1',
  'JaVaScRiPt:alert(1)',
  ' javascript:window.__pwned=1',
  '\tjavascript:window.__pwned=1',
  '\njavascript:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'java\nscript:window.__pwned=1',
  'java\rscript:window.__pwned=1',
  '\u0000javascript:window.__pwned=1',
  '\u0001javascript:window.__pwned=1',
  'javascript://%0Awindow.__pwned=1',
  'javascript:window.__pwned=1//.png',
  '&#106;avascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'DATA:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"/>',
  'data:image/png;base64,iVBORw0KGgo=',
  ' data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://cdn.foxapi.cc/00000000-0000-0000-0000-000000000000',
  '//evil.example/image.png',
]

export type HostileId = { name: string; id: string }

/** Task IDs that must reach foxapi as one URL-encoded path segment, or be refused with a sentence. */
export const HOSTILE_IDS: readonly HostileId[] = [
  { name: 'a path that climbs out', id: '../../v1/admin' },
  { name: 'a slash inside', id: 'task-unified-1/../admin' },
  { name: 'an encoded slash', id: 'task%2F..%2Fadmin' },
  { name: 'a double-encoded slash', id: 'task%252F..%252Fadmin' },
  { name: 'backslashes', id: '..\\..\\admin' },
  { name: 'spaces', id: 'task with spaces' },
  { name: 'a query and a fragment', id: 'task-1?sync_upstream=false#top' },
  { name: 'a line break and a header', id: 'task-1\r\nX-Injected: 1' },
  { name: 'Unicode', id: 'タスク-🦊-ünïcødé' },
  { name: 'a right-to-left override', id: 'task-\u202egnp.exe' },
  { name: 'markup', id: '<img src=x onerror=alert(1)>' },
  { name: 'a shell command', id: "x'; rm -rf ~; echo '" },
  { name: 'a percent sign alone', id: '100%' },
  { name: '512 characters, the longest the server takes', id: `task-${'a'.repeat(507)}` },
  { name: '10,000 characters', id: 'x'.repeat(10_000) },
]

/** How many hostile strings the suite tries, for docs/reliability.md. */
export const INJECTION_COUNT = MARKUP.length + DANGEROUS_URLS.length + HOSTILE_IDS.length

export type InjectionCase = {
  /** Where the hostile string was put. */
  name: string
  payload: unknown
  /** Text the page must show as it is (markup shown, not run), when it is certain to be on screen. */
  shownAsText?: string
}

const task = (fields: Record<string, unknown>) => ({
  id: 'task-unified-1757165031-inject01', object: 'image.generation.task', type: 'image', model: 'gemini-3.1-flash-image-preview',
  status: 'completed', progress: 100, created: 1_757_165_031, results: null, error: null,
  usage: { credits_reserved: 2, user_group: 'default' }, ...fields,
})

/**
 * `text` in every field of every result family that the page shows as text: chat answers, tool
 * calls, transcripts, model names, errors, map types, voice, character and profile IDs, and the
 * keys and values of results nobody knows. One payload per family, so a failure names where.
 */
export function markupCases(text: string, image: string = 'https://cdn.foxapi.cc/output/image-1.png'): InjectionCase[] {
  return [
    {
      name: 'in a chat answer, its reasoning, tool call and model',
      payload: task({
        object: 'llm.generation.task', type: 'llm', model: text,
        results: [{
          id: text, object: 'chat.completion', model: `${text} (snapshot)`,
          choices: [
            {
              index: 0,
              message: {
                role: text, content: `Before ${text} after\n\n${text}\n\n| ${text} |\n| - |\n| ${text} |\n\n\`\`\`${text}\n${text}\n\`\`\``,
                reasoning_content: text, tool_calls: [{ id: text, type: 'function', function: { name: text, arguments: text } }],
              },
              finish_reason: text,
            },
            { index: 1, message: { role: 'assistant', content: text }, finish_reason: 'stop' },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }],
      }),
      shownAsText: text,
    },
    {
      name: 'in a transcript’s text, words, speakers and language',
      payload: task({
        object: 'audio.generation.task', type: 'audio', model: 'scribe-v2',
        results: [{
          text, language_code: text, language_probability: 0.9,
          words: [
            { text, start: 0, end: 0.5, type: 'word', speaker_id: text },
            { text: ' ', start: 0.5, end: 0.6, type: 'spacing', speaker_id: text },
            { text: 'plain', start: 0.6, end: 1, type: text, speaker_id: 'speaker_1' },
          ],
        }],
      }),
    },
    {
      name: 'in the task’s model, type, status and usage',
      payload: task({ model: text, type: text, object: text, status: text, usage: { [text]: text, credits_reserved: 1 }, results: [{ url: image, content_type: 'image/png' }] }),
      shownAsText: text,
    },
    {
      name: 'in a failed task’s error code and message',
      payload: task({ status: 'failed', model: text, error: { code: text, message: text, type: text } }),
      shownAsText: text,
    },
    {
      name: 'in a PBR map type and a texture',
      payload: task({
        model: 'patina-material',
        results: [
          { url: image, content_type: 'image/png', result_type: 'pbr_map', map_type: text },
          { url: image, content_type: text, result_type: 'texture' },
        ],
      }),
    },
    {
      name: 'in voice, character and profile IDs and names',
      payload: task({
        object: 'audio.generation.task', type: 'audio', model: 'minimax-voice-clone',
        results: [{ voice_id: text }, { character_id: text, name: text }, { result_type: 'profile', profile_id: text }],
      }),
      shownAsText: text,
    },
    {
      name: 'in the keys and values of a result nobody knows',
      payload: task({ type: 'hologram', model: 'holo-mesh-0.1', results: [{ [text]: text, nested: { [text]: [text] } }] }),
    },
  ]
}

/** Every field that holds a link, holding each of `urls` in turn: one payload per family of field. */
export function urlCases(urls: readonly string[]): InjectionCase[] {
  return [
    {
      name: 'in every media result’s url',
      payload: task({
        results: urls.flatMap((url) => [
          { url, content_type: 'image/png', width: 512, height: 512 },
          { url, content_type: 'video/mp4' },
          { url, content_type: 'audio/mpeg' },
          { url, content_type: 'image/png', result_type: 'pbr_map', map_type: 'normal' },
          { url, content_type: 'image/jpeg', result_type: 'texture' },
          { url },
        ]),
      }),
    },
    {
      name: 'in a voice clone’s preview',
      payload: task({ type: 'audio', model: 'minimax-voice-clone', results: urls.map((url, i) => ({ voice_id: `voice-${i}`, url, content_type: 'audio/mpeg' })) }),
    },
    { name: 'in the older output’s url and urls', payload: task({ results: undefined, output: { url: urls[0], urls } }) },
    {
      name: 'in the link fields of a result nobody knows',
      payload: task({
        type: 'hologram',
        results: urls.map((url) => ({ url, image_url: url, video_url: url, audio_url: url, thumbnail_url: url, preview: url, poster: url, files: [url, { href: url }] })),
        stream: { url: urls[0] },
      }),
    },
    {
      name: 'as a link, an image and an autolink in a chat answer',
      payload: task({
        type: 'llm', object: 'llm.generation.task',
        results: [{
          choices: [{
            message: {
              role: 'assistant',
              content: urls.map((url, i) => `[click me](${url}) ![picture](${url}) <${url}>\n\n[ref${i}]: ${url}\n\n[by reference][ref${i}]`).join('\n\n'),
            },
          }],
        }],
      }),
    },
  ]
}

/** Schemes a link or source may have once the page has drawn it. */
export const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:'])
