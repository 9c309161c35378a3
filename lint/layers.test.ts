// The layer rule of eslint.config.js catches what it is there for: each planted import below
// breaks one rule of docs/architecture.md, and is reported with a sentence naming that rule.
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname })

/** The layer messages ESLint gives `code` as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message)
}

describe('the layer rule', () => {
  // Loading the configuration (and typescript-eslint) takes seconds on this machine: once, here.
  beforeAll(() => eslint.lintText('export {}\n', { filePath: 'src/lib/warm.ts' }), 60_000)

  it.each([
    ['lib reaching up into a feature', 'src/lib/planted.ts', "import { TaskIdForm } from '../tasks/task-id-form'", 'src/lib/ is the bottom of the page'],
    ['lib reaching up into api', 'src/lib/planted.ts', "import { getTask } from '../api/get-task'", 'src/lib/ is the bottom of the page'],
    ['api reaching up into a feature', 'src/api/planted.ts', "import { RawJson } from '../tasks/raw-json'", 'src/api/ imports only src/lib/ and src/contract/'],
    ['a feature reaching up into the app', 'src/tasks/planted.ts', "import { App } from '../app/app'", 'app/ composes features'],
    ['a feature reaching into another', 'src/watchlist/planted.ts', "import { keepTask } from '../keep/kept-files'", 'keep/ offers none'],
    ['a feature past another\'s surface', 'src/watchlist/planted.ts', "import { IdShelfView } from '../shelf/id-shelf-view'", 'shelf: ./id-shelf.ts'],
    ['the contract importing the page', 'src/contract/planted.ts', "import { navigate } from '../lib/router'", 'imports nothing of ours'],
    ['the server importing the page', 'server/planted.ts', "import { normalizeTask } from '../src/api/normalize-task.ts'", 'The server imports only src/contract/'],
    ['the page importing the server', 'src/api/planted.ts', "import { createApp } from '../../server/app.ts'", 'never imports the server'],
    ['the product importing a test corpus', 'src/tasks/planted.ts', "import { badInputs } from '../testing/corpora/bad-inputs'", 'only tests import it'],
  ])('reports %s', async (_name, path, code, sentence) => {
    const errors = await layerErrors(path, `${code}\nexport const planted = 1\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(sentence)
    expect(errors[0]).toContain('docs/architecture.md')
  })

  it.each([
    ['a feature using another\'s surface', 'src/watchlist/planted.ts', "import { shelveIds } from '../shelf/id-shelf'"],
    ['the app composing features', 'src/app/planted.ts', "import { keepTask } from '../keep/kept-files'"],
    ['a feature using api, lib and the contract', 'src/tasks/planted.ts', "import { getTask } from '../api/get-task'\nimport { navigate } from '../lib/router'\nimport { MAX_TASK_ID } from '../contract/task-id'"],
    ['the server using the contract', 'server/planted.ts', "import { MAX_TASK_ID } from '../src/contract/task-id.ts'"],
    ['a test reading a corpus', 'src/app/planted.test.tsx', "import { badInputs } from '../testing/corpora/bad-inputs'"],
  ])('allows %s', async (_name, path, code) => {
    expect(await layerErrors(path, `${code}\nexport const planted = 1\n`)).toEqual([])
  })
})
