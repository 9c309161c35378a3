import { QueryClient, useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { configQueries } from '../api/get-config'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { preloadable, usePreloaded } from '../lib/preloadable'
import { ListPlaceholder } from '../lib/list-placeholder'
import { ApiKeyControl } from '../settings/api-key-control'
import { SettingsMenu } from '../settings/settings-menu'
import { loadStoredSettings, storedSettingsRead, useSettings } from '../lib/settings'
import { HomePage } from './home-page'
import { TaskIdForm } from '../tasks/task-id-form'
import { SettleNotices } from '../watchlist/settle-notices'
import { preloadWatchlist } from '../watchlist/watchlist-view'
import { watchTasks } from '../watchlist/watchlist'
import { PersistedQueryClientProvider } from './persisted-query-client'
import { startHeadStart } from '../api/task-request'
import { cacheMayBeStored, KEEP_QUERIES_MS } from './stored-queries'
import { Shortcuts } from './shortcuts'
import { useTheme } from './theme'
import { navigate, routeOf, SECTION_PATHS, usePathname, type Route } from '../lib/router'
import { Link } from '../lib/link'

const SECTIONS = [
  { page: 'home', label: 'Watchlist' },
  { page: 'history', label: 'History' },
  { page: 'kept', label: 'Kept' },
  { page: 'ids', label: 'IDs' },
] as const satisfies ReadonlyArray<{ page: keyof typeof SECTION_PATHS; label: string }>

/** The pages beside the watchlist, each at its own address; the one shown is marked. */
function SectionNav({ route }: { route: Route }) {
  return (
    <nav aria-label="Sections">
      <ul className="flex flex-wrap gap-1 text-sm">
        {SECTIONS.map(({ page, label }) => {
          const here = route.page === page
          return (
            <li key={page}>
              <Link
                href={SECTION_PATHS[page]}
                aria-current={here ? 'page' : undefined}
                className={`block rounded-md px-2.5 py-1 font-medium ${here ? 'bg-stone-200 text-stone-900 dark:bg-stone-700 dark:text-stone-50' : 'text-stone-600 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800'}`}
              >
                {label}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

function Header({ route }: { route: Route }) {
  const taskId = route.page === 'task' ? route.taskId : undefined
  const config = useQuery(configQueries.server())
  const settings = useSettings()
  useTheme(settings.theme)
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold">
            <img src="/favicon.svg" alt="" className="h-6 w-6" />
            foxwatch
          </Link>
          <SectionNav route={route} />
          <div className="ml-auto flex items-center gap-1">
            {config.data && !config.data.serverKey && <ApiKeyControl />}
            <SettingsMenu />
          </div>
        </div>
        <TaskIdForm key={taskId ?? ''} initial={taskId ?? ''} watch={watchTasks} onFocus={preloadWatchlist} />
      </div>
    </header>
  )
}

const goHome = () => navigate('/')

// The task page (results, renderers, keeping) is its own chunk: the home page never needs it. A
// deep link starts fetching it at once, beside the entry, instead of after the first render.
// Preloadable, not a bare lazy: once its chunk is here it draws without suspending, so a deep
// link's answer is not held back by React's 300 ms throttle on the loading line (decision 0041).
const loadTaskPage = () => import('./task-with-list')
const TaskWithList = preloadable(() => loadTaskPage().then((module) => module.TaskWithList))
const deepLink = routeOf(window.location.pathname)
if (deepLink.page === 'task') {
  // With no stored cache to restore first, the task's first query goes now, as the entry runs,
  // ahead of the task page's chunks (HTTP/1.1 gives a page six connections); the page's query
  // takes it over (task-request.ts). After stored preferences are read (syncUpstream shapes the
  // query): at once when there are none.
  if (!cacheMayBeStored()) {
    const start = () => {
      startHeadStart(deepLink.taskId)
      // What reads the answer (at once, as it comes), and the views of what it holds.
      void import('../api/fetch-watch')
        .then((fetching) => fetching.readHeadStart())
        .then(async (watch) => watch && (await loadTaskPage()).preloadRenderers(watch.task?.artifacts))
        .catch(() => undefined)
    }
    if (storedSettingsRead()) start()
    else void loadStoredSettings().then(start).catch(() => undefined)
  }
  // The page that shows the task. A failure here is met again, and shown, when the page renders it.
  void TaskWithList.preload()
}

/** What the task page itself shows before its first answer, so the chunk's arrival is seamless. */
function TaskPageLoading({ taskId }: { taskId: string }) {
  return (
    <p role="status" className="text-stone-600 dark:text-stone-300">
      Asking foxapi about {taskId}…
    </p>
  )
}

/** The task page, or its loading line until the chunk is here (a chunk that failed suspends once more, then says so). */
function DeepTaskPage({ taskId }: { taskId: string }) {
  const here = usePreloaded([TaskWithList])
  return (
    <ChunkBoundary what="task page">
      <Suspense fallback={<TaskPageLoading taskId={taskId} />}>
        {here ? <TaskWithList taskId={taskId} /> : <TaskPageLoading taskId={taskId} />}
      </Suspense>
    </ChunkBoundary>
  )
}

// The history, kept and IDs pages are one chunk: the watchlist, where foxwatch opens, needs none of it.
const loadSectionPages = () => import('./section-pages')
const HistoryPage = lazy(() => loadSectionPages().then((module) => ({ default: module.HistoryPage })))
const KeptPage = lazy(() => loadSectionPages().then((module) => ({ default: module.KeptPage })))
const IdsPage = lazy(() => loadSectionPages().then((module) => ({ default: module.IdsPage })))
const SECTION_PAGES = { history: HistoryPage, kept: KeptPage, ids: IdsPage } as const
type SectionPageName = keyof typeof SECTION_PAGES
const isSectionPage = (page: Route['page']): page is SectionPageName => Object.hasOwn(SECTION_PAGES, page)
if (isSectionPage(deepLink.page)) void loadSectionPages().catch(() => undefined)

/** One of the pages beside the watchlist, once its chunk has come. */
function SectionPage({ page }: { page: SectionPageName }) {
  const Page = SECTION_PAGES[page]
  return (
    <ChunkBoundary key={page} what={`${page} page`}>
      <Suspense fallback={<ListPlaceholder rows={4} />}>
        <Page />
      </Suspense>
    </ChunkBoundary>
  )
}

/** The first stop for Tab: past the header to the page's own content. Hidden until focused. */
function SkipLink() {
  return (
    <a
      href="#main"
      onClick={(event) => {
        // Focus moves, and the address keeps no #main.
        event.preventDefault()
        document.getElementById('main')?.focus()
      }}
      className="sr-only rounded-md bg-white text-sm font-medium text-stone-900 shadow focus:not-sr-only focus:absolute focus:px-3 focus:py-2 focus:top-2 focus:left-2 focus:z-30 dark:bg-stone-800 dark:text-stone-100"
    >
      Skip to main content
    </a>
  )
}

export function App() {
  // Kept as long as the persisted copy, so a restored task is not collected before it is shown.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { gcTime: KEEP_QUERIES_MS } } }))
  const route = routeOf(usePathname())
  return (
    <PersistedQueryClientProvider client={queryClient}>
      <SkipLink />
      <Header route={route} />
      <SettleNotices />
      <Shortcuts onHome={goHome} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus-visible:outline-none">
        {route.page === 'task' ? (
          <DeepTaskPage taskId={route.taskId} />
        ) : isSectionPage(route.page) ? (
          <SectionPage page={route.page} />
        ) : (
          <HomePage />
        )}
      </main>
    </PersistedQueryClientProvider>
  )
}
