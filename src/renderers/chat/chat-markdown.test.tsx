// @vitest-environment jsdom
// What a hostile or careless answer can and cannot do once rendered.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { ChatMarkdown } from './chat-markdown'

afterEach(cleanup)

it('shows raw HTML as text and creates none of its elements', () => {
  const { container } = render(
    <ChatMarkdown markdown={'Before <img src=x onerror="window.__pwned=1"> after\n\n<script>window.__pwned=2</script>\n\n<iframe src="https://evil.example"></iframe>'} />,
  )
  expect(container.querySelector('img, script, iframe')).toBeNull()
  expect(container.textContent).toContain('<img src=x onerror="window.__pwned=1">')
  expect(container.textContent).toContain('<script>window.__pwned=2</script>')
})

it('links only to web and mail addresses, in a new tab without an opener or referrer', () => {
  render(<ChatMarkdown markdown={'[docs](https://docs.foxapi.cc) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [data](data:text/html,x) [here](/api/config)'} />)
  expect(screen.getByRole('link', { name: 'docs' })).toHaveProperty('href', 'https://docs.foxapi.cc/')
  expect(screen.getByRole('link', { name: 'docs' }).getAttribute('rel')).toBe('noopener noreferrer')
  expect(screen.getByRole('link', { name: 'mail' })).toHaveProperty('href', 'mailto:a@b.c')
  expect(screen.getAllByRole('link')).toHaveLength(2)
  expect(screen.getByText('bad').closest('a')).toBeNull()
})

it('turns images into links, so the answer cannot make the browser fetch anything', () => {
  const { container } = render(<ChatMarkdown markdown={'![a fox](https://example.com/fox.png) ![tracker](x)'} />)
  expect(container.querySelector('img')).toBeNull()
  expect(screen.getByRole('link', { name: 'Image: a fox' })).toHaveProperty('href', 'https://example.com/fox.png')
  expect(screen.getByText('[Image: tracker]')).toBeTruthy()
})

it('renders GFM tables, headings below the page outline, and code blocks with Copy', () => {
  render(<ChatMarkdown markdown={'# Title\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```ts\nconst x = 1\n```\n'} />)
  expect(screen.getByRole('heading', { name: 'Title', level: 4 })).toBeTruthy()
  expect(screen.getByRole('table').querySelectorAll('td')).toHaveLength(2)
  const code = screen.getByRole('group', { name: 'Code block, ts' })
  expect(code.querySelector('pre')?.textContent).toBe('const x = 1')
  expect(screen.getByRole('button', { name: 'Copy code' })).toBeTruthy()
})
