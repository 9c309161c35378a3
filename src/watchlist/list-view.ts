// How the watchlist is sorted and filtered, kept in the address (/?status=failed&sort=age&q=7f3),
// so a view survives a reload and can be shared.
import type { TaskStatus } from '../api/task-view'

export type ListSort = 'added' | 'status' | 'age'
export type ListView = { sort: ListSort; status: TaskStatus | ''; type: string; model: string; search: string }

export const ALL_TASKS: ListView = { sort: 'added', status: '', type: '', model: '', search: '' }

const SORTS: readonly ListSort[] = ['added', 'status', 'age']
const STATUSES: readonly TaskStatus[] = ['pending', 'processing', 'completed', 'failed', 'cancelled', 'unknown']

/** A status filter's value, or '' (any status) for anything that is not a status. */
export function statusFilter(text: string | null): TaskStatus | '' {
  return STATUSES.find((known) => known === text) ?? ''
}

/** The view a query string asks for; anything it does not know is left at "all". */
export function viewOf(search: string): ListView {
  const params = new URLSearchParams(search)
  const sort = SORTS.find((known) => known === params.get('sort'))
  return {
    sort: sort ?? ALL_TASKS.sort,
    status: statusFilter(params.get('status')),
    type: params.get('type') ?? '',
    model: params.get('model') ?? '',
    search: params.get('q') ?? '',
  }
}

/** The watchlist's address for a view: `/` when it is all tasks in the order added. */
export function pathOf(view: ListView): string {
  const params = new URLSearchParams()
  if (view.status) params.set('status', view.status)
  if (view.type) params.set('type', view.type)
  if (view.model) params.set('model', view.model)
  if (view.search) params.set('q', view.search)
  if (view.sort !== ALL_TASKS.sort) params.set('sort', view.sort)
  const query = params.toString()
  return query ? `/?${query}` : '/'
}

/** Whether the view leaves any task out. */
export function isFiltered(view: ListView): boolean {
  return view.status !== '' || view.type !== '' || view.model !== '' || view.search.trim() !== ''
}
