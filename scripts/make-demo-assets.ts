// Makes the demo upstream's artifacts from Debian tools (ImageMagick, ffmpeg, espeak-ng, sox).
// The output is committed; run this only to change it: `npm run demo:assets`.
// Needs: apt-get install -y imagemagick ffmpeg espeak-ng sox
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const out = join(import.meta.dirname, '..', 'server', 'demo', 'assets')
const work = mkdtempSync(join(tmpdir(), 'foxwatch-assets-'))
// /usr/local/bin/convert may be a stand-in on some machines; Debian's real one lives in /usr/bin.
const convert = '/usr/bin/convert'

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

function seconds(wav: string): number {
  return Number(run('soxi', ['-D', wav]).trim())
}

function makeImages(): void {
  const scenes = [
    { name: 'image-1.png', from: '#ff8a3d', to: '#7a1fa2', label: 'fox at dawn' },
    { name: 'image-2.png', from: '#1e88e5', to: '#00c9a7', label: 'fox by the sea' },
    { name: 'image-3.png', from: '#2e7d32', to: '#f9d423', label: 'fox in the woods' },
  ]
  for (const scene of scenes) {
    run(convert, [
      '-size', '512x512', `gradient:${scene.from}-${scene.to}`,
      '-fill', 'rgba(255,255,255,0.85)', '-draw', 'polygon 256,120 380,360 132,360',
      '-fill', 'rgba(0,0,0,0.55)', '-draw', 'circle 220,300 228,300', '-draw', 'circle 292,300 300,300',
      '-fill', 'white', '-font', 'DejaVu-Sans', '-pointsize', '30', '-gravity', 'south',
      '-annotate', '+0+40', scene.label,
      '-strip', '-define', 'png:compression-level=9', join(out, scene.name),
    ])
  }
}

function makePbr(): void {
  const size = '256x256'
  const height = join(out, 'pbr-height.png')
  run(convert, ['-size', size, 'pattern:bricks', '-scale', '400%', '-crop', `${size}+0+0`, '+repage',
    '-blur', '0x2', '-level', '10%,90%', '-colorspace', 'Gray', '-strip', height])
  run(convert, [height, '-fill', '#9c4a2f', '-tint', '100', '(', '-size', size, 'plasma:#b0563a-#6e2e1e', '-seed', '7', ')',
    '-compose', 'multiply', '-composite', '-strip', join(out, 'pbr-basecolor.jpg')])
  const r = join(work, 'nx.png')
  const g = join(work, 'ny.png')
  run(convert, [height, '-define', 'convolve:scale=50%!', '-bias', '50%', '-morphology', 'Convolve', 'Sobel:0', r])
  run(convert, [height, '-define', 'convolve:scale=50%!', '-bias', '50%', '-morphology', 'Convolve', 'Sobel:90', g])
  run(convert, [r, g, '-size', size, 'xc:white', '-combine', '-strip', join(out, 'pbr-normal.png')])
  run(convert, [height, '-negate', '-level', '30%,100%', '-strip', join(out, 'pbr-roughness.png')])
  run(convert, ['-size', size, 'xc:#101010', '-colorspace', 'Gray', '-strip', join(out, 'pbr-metalness.png')])
  run(convert, ['-size', '256x256', 'plasma:#8d6e63-#d7ccc8', '-seed', '11', '-blur', '0x1', '-strip',
    join(out, 'material-texture.jpg')])
}

function makeVideo(): void {
  run('ffmpeg', ['-y', '-loglevel', 'error',
    '-f', 'lavfi', '-i', 'testsrc2=size=480x270:rate=24:duration=4',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=4',
    '-c:v', 'libx264', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-crf', '32',
    '-c:a', 'aac', '-b:a', '48k', '-movflags', '+faststart', '-shortest', join(out, 'video.mp4')])
}

function speak(text: string, voice: string, file: string, rateWpm = '160'): void {
  const raw = join(work, 'speak-raw.wav')
  run('espeak-ng', ['-v', voice, '-s', rateWpm, '-w', raw, text])
  // Trim the silence espeak pads around each utterance so timings start and end on the voice.
  run('sox', [raw, file, 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse'])
}

function toMp3(wav: string, file: string, bitrate: string): void {
  run('ffmpeg', ['-y', '-loglevel', 'error', '-i', wav, '-ac', '1', '-b:a', bitrate, join(out, file)])
}

function makeSpeech(): void {
  const tts = join(work, 'tts.wav')
  speak('Hello from foxwatch. This is a text to speech result from the demo upstream.', 'en-us+f3', tts)
  toMp3(tts, 'tts.mp3', '48k')
  const preview = join(work, 'voice-preview.wav')
  speak('This is a preview of your cloned voice. It keeps the pitch and pace of the sample.', 'en-gb+m4', preview)
  toMp3(preview, 'voice-preview.mp3', '48k')
}

type Turn = { speaker: 'speaker_0' | 'speaker_1'; text: string } | { event: string; speaker: 'speaker_0' | 'speaker_1' }

const conversation: Turn[] = [
  { speaker: 'speaker_0', text: 'Welcome back to the show. Today we are talking about watching long running tasks, and why the results never seem to arrive when you look.' },
  { speaker: 'speaker_1', text: 'Thanks for having me. I submit a batch of videos in the morning, and then I keep refreshing a terminal until something happens.' },
  { event: '(laughter)', speaker: 'speaker_0' },
  { speaker: 'speaker_0', text: 'We have all been there. So what changed for you?' },
  { speaker: 'speaker_1', text: 'A dashboard that polls for me, slows down when the task is long, and tells me the moment it is done. Then I save everything before the links expire.' },
  { speaker: 'speaker_0', text: 'How long do the links last?' },
  { speaker: 'speaker_1', text: 'Twenty four hours. After that the files are gone, so saving is half of the job.' },
  { speaker: 'speaker_0', text: 'And transcripts like this one come with a time for every single word.' },
  { speaker: 'speaker_1', text: 'Exactly. You can click a word and jump straight to that moment in the audio.' },
  { event: '(applause)', speaker: 'speaker_1' },
  { speaker: 'speaker_0', text: 'That is all we have time for today. Thank you for listening, and see you next week.' },
]

const voices = { speaker_0: 'en-us+m3', speaker_1: 'en-gb+f4' } as const

function makeTranscript(): void {
  const pieces: string[] = []
  const words: Array<Record<string, unknown>> = []
  let clock = 0.4
  const rate = 22050
  const silence = (secs: number): string => {
    const file = join(work, `silence-${pieces.length}.wav`)
    run('sox', ['-n', '-r', String(rate), '-c', '1', '-b', '16', file, 'trim', '0', secs.toFixed(3)])
    return file
  }
  const round = (n: number): number => Math.round(n * 1000) / 1000
  pieces.push(silence(clock))
  let index = 0
  for (const turn of conversation) {
    if ('event' in turn) {
      const file = join(work, `event-${index}.wav`)
      const length = 1.4
      run('sox', ['-n', '-r', String(rate), '-c', '1', '-b', '16', file, 'synth', String(length), 'pinknoise',
        'tremolo', '7', '90', 'fade', 'h', '0.2', String(length), '0.4', 'vol', '0.25'])
      pieces.push(file)
      words.push({ text: turn.event, start: round(clock), end: round(clock + length), type: 'audio_event', speaker_id: turn.speaker })
      clock += length
      pieces.push(silence(0.5))
      clock += 0.5
      continue
    }
    const tokens = turn.text.split(' ')
    tokens.forEach((token, position) => {
      const file = join(work, `word-${index++}.wav`)
      speak(token, voices[turn.speaker], file, '190')
      const length = seconds(file)
      pieces.push(file)
      words.push({
        text: token, start: round(clock), end: round(clock + length), type: 'word', speaker_id: turn.speaker,
        logprob: -round(((index * 37) % 23) / 100),
      })
      clock += length
      if (position < tokens.length - 1) {
        const gap = 0.06 + ((index * 13) % 5) / 100
        pieces.push(silence(gap))
        words.push({ text: ' ', start: round(clock), end: round(clock + gap), type: 'spacing', speaker_id: turn.speaker })
        clock += gap
      }
    })
    pieces.push(silence(0.7))
    clock += 0.7
  }
  const wav = join(work, 'transcript.wav')
  run('sox', [...pieces, wav])
  toMp3(wav, 'transcript.mp3', '24k')
  const text = conversation.map((turn) => ('event' in turn ? turn.event : turn.text)).join(' ')
  const result = { text, language_code: 'en', language_probability: 0.98, words }
  writeFileSync(join(out, 'transcript.json'), `${JSON.stringify(result, null, 1)}\n`)
  console.log(`transcript: ${words.filter((w) => w.type === 'word').length} words, ${seconds(wav).toFixed(1)} s`)
}

mkdirSync(out, { recursive: true })
try {
  makeImages()
  makePbr()
  makeVideo()
  makeSpeech()
  makeTranscript()
} finally {
  rmSync(work, { recursive: true, force: true })
}
let total = 0
for (const name of readdirSync(out).sort()) {
  const size = statSync(join(out, name)).size
  total += size
  console.log(`${name.padEnd(24)} ${(size / 1024).toFixed(1).padStart(7)} KB`)
}
console.log(`${'total'.padEnd(24)} ${(total / 1024).toFixed(1).padStart(7)} KB`)
