// A JSON value as a tree of disclosure buttons, coloured by type, with web links made useful.
import { useState } from 'react'
import { READABLE_DEPTH } from '../../api/deep-json'
import { Button } from '../../lib/ui/button'
import { fileNameForLink, looksLikeImage, webAddress } from './json-link'
import { SaveLinkButton } from '../save-button'

export type Expand = 'auto' | 'all' | 'none'
/** Which result the tree shows, for naming saved files. */
export type Origin = { taskId: string; index: number }

type Shape =
  | { kind: 'object'; entries: Array<[string, unknown]> }
  | { kind: 'array'; entries: Array<[string, unknown]> }
  | { kind: 'string'; text: string }
  | { kind: 'number' | 'boolean' | 'null'; text: string }

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'array', entries: value.map((item, position) => [String(position), item]) }
  if (typeof value === 'object' && value !== null) {
    const entries: Array<[string, unknown]> = Object.entries(value)
    return { kind: 'object', entries }
  }
  if (typeof value === 'string') return { kind: 'string', text: value }
  if (typeof value === 'number') return { kind: 'number', text: String(value) }
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) }
  // null, and anything JSON cannot hold (it never reaches here from a response).
  return { kind: 'null', text: value === null ? 'null' : String(value) }
}

const COLOUR = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-700 dark:text-emerald-400',
  number: 'text-amber-700 dark:text-amber-300',
  boolean: 'text-violet-700 dark:text-violet-300',
  null: 'italic text-stone-500 dark:text-stone-400',
  punctuation: 'text-stone-500 dark:text-stone-400',
} as const satisfies Record<Exclude<Shape['kind'], 'object' | 'array'> | 'key' | 'punctuation', string>

const BRACKETS = { object: ['{', '}'], array: ['[', ']'] } as const
/** Children shown before a "Show all" button, so a huge array does not stall the page. */
const FIRST_CHILDREN = 100

function startsOpen(expand: Expand, depth: number, size: number): boolean {
  if (expand !== 'auto') return expand === 'all'
  return depth < 3 && size <= 20
}

/** An entry's name: object keys quoted like JSON, array positions plain. */
function Name({ name, inArray }: { name: string | undefined; inArray: boolean }) {
  if (name === undefined) return null
  return (
    <>
      <span className={inArray ? COLOUR.punctuation : COLOUR.key}>{inArray ? name : JSON.stringify(name)}</span>
      <span className={COLOUR.punctuation}>: </span>
    </>
  )
}

function LinkValue({ address, text, field, origin }: { address: string; text: string; field: string | undefined; origin: Origin }) {
  const [previewFailed, setPreviewFailed] = useState(false)
  return (
    <>
      <span className="inline-flex flex-wrap items-center gap-2 align-middle">
        <a href={address} target="_blank" rel="noopener noreferrer" className={`${COLOUR.string} break-all underline underline-offset-2`}>
          {JSON.stringify(text)}
        </a>
        <SaveLinkButton url={address} name={fileNameForLink(origin.taskId, origin.index, field, address)} />
      </span>
      {looksLikeImage(address, field) && !previewFailed && (
        <img
          src={address}
          alt={`${field ?? 'Linked'} image`}
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setPreviewFailed(true)}
          className="mt-1 block max-h-32 max-w-48 rounded border border-stone-200 bg-stone-100 object-contain dark:border-stone-700 dark:bg-stone-800"
        />
      )}
    </>
  )
}

type NodeProps = {
  name: string | undefined
  inArray: boolean
  value: unknown
  depth: number
  /** The nearest object key, for naming saved files and guessing images in arrays. */
  field: string | undefined
  expand: Expand
  origin: Origin
}

function JsonNode({ name, inArray, value, depth, field, expand, origin }: NodeProps) {
  const shape = shapeOf(value)
  const entries = shape.kind === 'object' || shape.kind === 'array' ? shape.entries : []
  const [open, setOpen] = useState(() => startsOpen(expand, depth, entries.length))
  const [showAll, setShowAll] = useState(false)

  if (shape.kind !== 'object' && shape.kind !== 'array') {
    const address = shape.kind === 'string' ? webAddress(shape.text) : undefined
    return (
      <div className="break-all">
        <Name name={name} inArray={inArray} />
        {address ? (
          <LinkValue address={address} text={shape.text} field={field} origin={origin} />
        ) : (
          <span className={COLOUR[shape.kind]}>{shape.kind === 'string' ? JSON.stringify(shape.text) : shape.text}</span>
        )}
      </div>
    )
  }

  const [opening, closing] = BRACKETS[shape.kind]
  // Each level is a few elements inside the last: a result nested 100,000 levels deep would run
  // React, and the browser's layout, out of stack. The raw text has all of it.
  if (depth >= READABLE_DEPTH) {
    return (
      <div>
        <Name name={name} inArray={inArray} />
        <span className={COLOUR.punctuation}>{`${opening}…${closing}`}</span>
        <p className="font-sans text-stone-600 dark:text-stone-300">
          Nested deeper than {READABLE_DEPTH} levels: foxwatch does not draw the rest here; Copy JSON or Save all has it.
        </p>
      </div>
    )
  }
  if (entries.length === 0) {
    return (
      <div>
        <Name name={name} inArray={inArray} />
        <span className={COLOUR.punctuation}>{opening + closing}</span>
      </div>
    )
  }

  const count = `${entries.length} ${shape.kind === 'array' ? (entries.length === 1 ? 'item' : 'items') : entries.length === 1 ? 'key' : 'keys'}`
  // The whole result is always open: collapsing it would leave an empty card.
  const isRoot = depth === 0
  const shown = showAll ? entries : entries.slice(0, FIRST_CHILDREN)
  return (
    <div>
      {isRoot ? (
        <span className={COLOUR.punctuation}>{opening}</span>
      ) : (
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className="-ml-4 rounded pl-0.5 text-left hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-orange-500 dark:hover:bg-stone-800"
        >
          <span aria-hidden="true" className={`inline-block w-3 ${COLOUR.punctuation}`}>
            {open ? '▾' : '▸'}
          </span>
          <Name name={name} inArray={inArray} />
          <span className={COLOUR.punctuation}>
            {open ? opening : `${opening}…${closing}`}
            {!open && <span className="ml-2 font-sans text-xs">{count}</span>}
          </span>
        </button>
      )}
      {(open || isRoot) && (
        <>
          {/* Never narrower than 16rem: a hundred levels of indent would squeeze the deepest to
              nothing; past the card's width the card scrolls sideways instead. */}
          <ul className="ml-1 min-w-64 border-l border-stone-200 pl-5 dark:border-stone-700">
            {shown.map(([key, child]) => (
              <li key={key}>
                <JsonNode
                  name={key}
                  inArray={shape.kind === 'array'}
                  value={child}
                  depth={depth + 1}
                  field={shape.kind === 'array' ? `${field ?? 'item'}-${Number(key) + 1}` : key}
                  expand={expand}
                  origin={origin}
                />
              </li>
            ))}
          </ul>
          {shown.length < entries.length && (
            <Button variant="quiet" onClick={() => setShowAll(true)} className="ml-6 font-sans">
              Show all {entries.length}
            </Button>
          )}
          <span className={COLOUR.punctuation}>{closing}</span>
        </>
      )}
    </div>
  )
}

export function JsonTree({ value, label, expand, origin }: { value: unknown; label: string; expand: Expand; origin: Origin }) {
  return (
    <div role="group" aria-label={label} className="font-mono text-xs leading-relaxed">
      <JsonNode name={undefined} inArray={false} value={value} depth={0} field={undefined} expand={expand} origin={origin} />
    </div>
  )
}
