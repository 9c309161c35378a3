// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { JsonTree } from './json-tree'

afterEach(cleanup)

const origin = { taskId: 'task-1', index: 0 }

it('links only http(s) strings; javascript: and data: stay text', () => {
  const { container } = render(
    <JsonTree
      label="Result 1 as JSON"
      expand="auto"
      origin={origin}
      value={{ file: 'https://cdn.example.com/mesh.glb', bad: 'javascript:alert(1)', inline: 'data:image/png;base64,AAAA' }}
    />,
  )
  expect(screen.getAllByRole('link')).toHaveLength(1)
  expect(screen.getByRole('link').getAttribute('href')).toBe('https://cdn.example.com/mesh.glb')
  expect(screen.getByRole('button', { name: 'Save' }).getAttribute('title')).toBe('Save as task-1-1-file.glb')
  expect(screen.getByText('"javascript:alert(1)"')).toBeTruthy()
  // Not an image by its extension or its field's name: no preview is tried.
  expect(container.querySelector('img')).toBeNull()
})

it('previews image links, named after their field', () => {
  render(<JsonTree label="r" expand="auto" origin={origin} value={{ images: ['https://cdn.example.com/a/signed'] }} />)
  expect(screen.getByRole('img', { name: 'images-1 image' }).getAttribute('src')).toBe('https://cdn.example.com/a/signed')
})

it('folds and unfolds objects and arrays, and opens small ones to start with', () => {
  render(<JsonTree label="r" expand="auto" origin={origin} value={{ mesh: { vertices: 20480 }, empty: [], big: Array.from({ length: 30 }, (_, i) => i) }} />)
  const mesh = screen.getByRole('button', { name: /"mesh"/ })
  const big = screen.getByRole('button', { name: /"big"/ })
  expect(mesh.getAttribute('aria-expanded')).toBe('true')
  expect(big.getAttribute('aria-expanded')).toBe('false')
  expect(big.textContent).toContain('30 items')
  expect(screen.getByText('20480')).toBeTruthy()
  fireEvent.click(mesh)
  expect(mesh.getAttribute('aria-expanded')).toBe('false')
  expect(screen.queryByText('20480')).toBeNull()
  // An empty array has nothing to unfold.
  expect(screen.queryByRole('button', { name: /"empty"/ })).toBeNull()
})

it('shows the first hundred children of a huge array, then all on request', () => {
  render(<JsonTree label="r" expand="all" origin={origin} value={{ list: Array.from({ length: 150 }, (_, i) => `item ${i}`) }} />)
  expect(screen.queryByText('"item 149"')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: 'Show all 150' }))
  expect(screen.getByText('"item 149"')).toBeTruthy()
})

it('draws a value nested 100,000 levels deep to its hundredth level, and says so there', () => {
  let value: unknown = 'the bottom'
  for (let i = 0; i < 100_000; i++) value = i % 2 ? { next: value } : [value]
  render(<JsonTree label="r" expand="all" origin={origin} value={value} />)
  expect(screen.getAllByText('Nested deeper than 100 levels: foxwatch does not draw the rest here; Copy JSON or Save all has it.')).toHaveLength(1)
  // The root is always open, without a button; each of the next 99 levels has one.
  expect(screen.getAllByRole('button', { expanded: true })).toHaveLength(99)
  expect(screen.queryByText('"the bottom"')).toBeNull()
})

it('draws a value exactly 100 levels deep in full', () => {
  let value: unknown = 'the bottom'
  for (let i = 0; i < 100; i++) value = [value]
  render(<JsonTree label="r" expand="all" origin={origin} value={value} />)
  expect(screen.getByText('"the bottom"')).toBeTruthy()
  expect(screen.queryByText(/Nested deeper than/)).toBeNull()
})
