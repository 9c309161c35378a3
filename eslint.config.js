import js from '@eslint/js'
import globals from 'globals'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// The layers of docs/architecture.md, from the top: app/ (and main.tsx), the features, api/, lib/,
// and the contract, which the server shares. Each imports only from the layers below it; a
// feature imports another feature only through the files named in SURFACES.
const FEATURES = ['tasks', 'watchlist', 'keep', 'shelf', 'settings', 'renderers']
/** The small surface each feature offers the others, written down in docs/architecture.md. */
const SURFACES = { shelf: ['./id-shelf.ts'] }
const APP = ['src/app', 'src/main.tsx']
const rule = (text) => `\n${text} (layers: see docs/architecture.md)`
const LAYER_ZONES = [
  { target: 'src/contract', from: ['src/api', 'src/lib', ...APP, ...FEATURES.map((f) => `src/${f}`), 'server'], message: rule('src/contract/ is shared by the page and the server, and imports nothing of ours.') },
  { target: 'src/lib', from: ['src/api', ...APP, ...FEATURES.map((f) => `src/${f}`)], message: rule('src/lib/ is the bottom of the page: it imports only src/contract/.') },
  { target: 'src/api', from: [...APP, ...FEATURES.map((f) => `src/${f}`)], message: rule('src/api/ imports only src/lib/ and src/contract/.') },
  ...FEATURES.map((f) => ({ target: `src/${f}`, from: APP, message: rule(`src/${f}/ is a feature: app/ composes features, never the other way.`) })),
  ...FEATURES.flatMap((f) => FEATURES.filter((g) => g !== f).map((g) => ({
    target: `src/${f}`,
    from: `src/${g}`,
    except: SURFACES[g] ?? [],
    message: rule(`src/${f}/ may use another feature only through its surface${SURFACES[g] ? ` (${g}: ${SURFACES[g].join(', ')})` : `, and ${g}/ offers none`}.`),
  }))),
  { target: 'src', from: ['server', 'e2e', 'bench', 'scripts'], message: rule('The page never imports the server or the tests.') },
  { target: 'src/**/!(*.test).{ts,tsx}', from: 'src/testing', message: rule('src/testing/ holds the test corpora: only tests import it.') },
  // The server's own tests may read the page's parser, to check the demo speaks foxapi's format.
  { target: 'server/**/!(*.test).ts', from: 'src/**', except: ['**/src/contract/**'], message: rule('The server imports only src/contract/ of the page.') },
]

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYER_ZONES }] },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook: hooks rules apply to the page only.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
