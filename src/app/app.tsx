import { QueryClient, useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { configQueries } from '../api/get-config'
import { ChunkBoundary } from '../lib/chunk-boundary'
import { ApiKeyControl } from '../settings/api-key-field'
import { SettingsMenu } from '../settings/settings-menu'
import { loadStoredSettings, useSettings } from '../lib/settings'
import { HomePage } from './home-page'
import { HistoryPage, IdsPage, KeptPage } from './section-pages'
import { TaskIdForm } from '../tasks/task-id-form'
import { SettleNotices } from '../watchlist/settle-notices'
import { watchTasks } from '../watchlist/watchlist'
import { PersistedQueryClientProvider, storedCacheExists } from './persisted-query-client'
import { KEEP_QUERIES_MS } from './stored-queries'
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
        <TaskIdForm key={taskId ?? ''} initial={taskId ?? ''} watch={watchTasks} />
      </div>
    </header>
  )
}

const goHome = () => navigate('/')

// The task page (results, renderers, keeping) is its own chunk: the home page never needs it. A
// deep link starts fetching it at once, beside the entry, instead of after the first render.
const loadTaskPage = () => import('./task-page')
const TaskPage = lazy(() => loadTaskPage().then((module) => ({ default: module.TaskPage })))
const deepLink = routeOf(window.location.pathname)
if (deepLink.page === 'task') {
  // With no stored cache to restore first, the task's first query goes now, beside the task
  // page's chunks; the page's query takes it over (fetch-watch.ts, startHeadStart). Asked for
  // first, so its few chunks are not queued behind the task page's many.
  // After stored preferences are read (syncUpstream shapes the query), not before.
  void Promise.all([import('../api/fetch-watch'), storedCacheExists(), loadStoredSettings()])
    .then(([fetching, stored]) => stored || fetching.startHeadStart(deepLink.taskId))
    .catch(() => undefined)
  // A failure here is met again, and shown, when the page renders it.
  void loadTaskPage().catch(() => undefined)
}

/** What the task page itself shows before its first answer, so the chunk's arrival is seamless. */
function TaskPageLoading({ taskId }: { taskId: string }) {
  return (
    <p role="status" className="text-stone-600 dark:text-stone-300">
      Asking foxapi about {taskId}…
    </p>
  )
}

export function App() {
  // Kept as long as the persisted copy, so a restored task is not collected before it is shown.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { gcTime: KEEP_QUERIES_MS } } }))
  const route = routeOf(usePathname())
  return (
    <PersistedQueryClientProvider client={queryClient}>
      <Header route={route} />
      <SettleNotices />
      <Shortcuts onHome={goHome} />
      <main className="mx-auto max-w-6xl px-4 py-6">
        {route.page === 'task' ? (
          <ChunkBoundary key={route.taskId} what="task page">
            <Suspense fallback={<TaskPageLoading taskId={route.taskId} />}>
              <TaskPage key={route.taskId} taskId={route.taskId} />
            </Suspense>
          </ChunkBoundary>
        ) : route.page === 'history' ? (
          <HistoryPage />
        ) : route.page === 'kept' ? (
          <KeptPage />
        ) : route.page === 'ids' ? (
          <IdsPage />
        ) : (
          <HomePage />
        )}
      </main>
    </PersistedQueryClientProvider>
  )
}
