// A model's answer as formatted Markdown, safe to show whatever the model wrote.
//
// Safety rests on three things, each tested in chat-markdown.test.tsx:
// - react-markdown never parses raw HTML: it turns it into text, so `<img onerror=…>` is shown,
//   not run. No rehype-raw, ever. (rehype-sanitize is not used: with no raw HTML and no plugin
//   that adds attributes, what it would remove cannot occur, and it would also drop that text.)
// - every href and src goes through `safeLink` (http, https, mailto only);
// - images are shown as links, so an answer cannot make the browser fetch anything by itself.
import type { Element, ElementContent } from 'hast'
import Markdown, { type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { CopyButton } from '../../lib/ui/copy-button'
import { safeLink } from './safe-link'

const REMARK_PLUGINS = [remarkGfm]

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element') return node.children.map(textOf).join('')
  return ''
}

function languageOf(pre: Element): string | undefined {
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code')
  const classes = code?.properties.className
  if (!Array.isArray(classes)) return undefined
  const language = classes.find((name): name is string => typeof name === 'string' && name.startsWith('language-'))
  return language?.slice('language-'.length)
}

function CodeBlock({ code, language }: { code: string; language: string | undefined }) {
  return (
    <div role="group" aria-label={language ? `Code block, ${language}` : 'Code block'} className="my-3 overflow-hidden rounded-md border border-stone-200 dark:border-stone-700">
      <div className="flex items-center justify-between bg-stone-100 px-3 py-1 text-xs text-stone-600 dark:bg-stone-800 dark:text-stone-300">
        <span className="font-mono">{language ?? 'code'}</span>
        <CopyButton text={code} label="Copy code" />
      </div>
      <pre className="overflow-x-auto bg-stone-50 p-3 text-xs leading-relaxed dark:bg-stone-950">
        <code>{code}</code>
      </pre>
    </div>
  )
}

const LINK = 'text-orange-700 underline underline-offset-2 hover:text-orange-800 dark:text-orange-400 dark:hover:text-orange-300'

// The task page already uses h1 to h3, so the answer's headings start at h4 to keep the outline.
const COMPONENTS: Components = {
  h1: ({ node: _node, ...props }) => <h4 className="mt-5 mb-2 text-xl font-semibold" {...props} />,
  h2: ({ node: _node, ...props }) => <h5 className="mt-5 mb-2 text-lg font-semibold" {...props} />,
  h3: ({ node: _node, ...props }) => <h6 className="mt-4 mb-2 text-base font-semibold" {...props} />,
  h4: ({ node: _node, ...props }) => <h6 className="mt-4 mb-2 font-semibold" {...props} />,
  h5: ({ node: _node, ...props }) => <h6 className="mt-3 mb-1 font-semibold" {...props} />,
  h6: ({ node: _node, ...props }) => <h6 className="mt-3 mb-1 font-semibold text-stone-600 dark:text-stone-300" {...props} />,
  p: ({ node: _node, ...props }) => <p className="my-2" {...props} />,
  // GFM task lists bring their own checkboxes, so they get no bullets.
  ul: ({ node: _node, className, ...props }) => (
    <ul className={className?.includes('contains-task-list') ? 'my-2 space-y-1 pl-1' : 'my-2 list-disc space-y-1 pl-6'} {...props} />
  ),
  ol: ({ node: _node, ...props }) => <ol className="my-2 list-decimal space-y-1 pl-6" {...props} />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote className="my-3 border-l-4 border-stone-300 pl-3 text-stone-600 dark:border-stone-600 dark:text-stone-300" {...props} />
  ),
  hr: () => <hr className="my-4 border-stone-200 dark:border-stone-700" />,
  table: ({ node: _node, ...props }) => (
    <div className="my-3 overflow-x-auto">
      <table className="border-collapse text-sm" {...props} />
    </div>
  ),
  th: ({ node: _node, ...props }) => (
    <th className="border border-stone-300 bg-stone-100 px-2 py-1 text-left font-semibold dark:border-stone-600 dark:bg-stone-800" {...props} />
  ),
  td: ({ node: _node, ...props }) => <td className="border border-stone-300 px-2 py-1 dark:border-stone-600" {...props} />,
  code: ({ node: _node, ...props }) => <code className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-stone-800" {...props} />,
  pre: ({ node }) => (node ? <CodeBlock code={textOf(node).replace(/\n$/, '')} language={languageOf(node)} /> : null),
  a: ({ node: _node, href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer" className={LINK}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) => {
    const label = `Image: ${alt || 'no description'}`
    return typeof src === 'string' && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer" className={LINK}>
        {label}
      </a>
    ) : (
      <span className="text-stone-500">[{label}]</span>
    )
  },
}

export function ChatMarkdown({ markdown }: { markdown: string }) {
  return (
    <div className="text-sm leading-relaxed break-words">
      <Markdown remarkPlugins={REMARK_PLUGINS} components={COMPONENTS} urlTransform={safeLink}>
        {markdown}
      </Markdown>
    </div>
  )
}
