// The pages with an address of their own beside the watchlist: each shows one list.
import { KeptStorageView } from '../keep/kept-storage-view'
import { usePageTitle } from '../lib/page-title'
import { IdShelfView } from '../shelf/id-shelf-view'
import { HistoryView } from '../watchlist/history-view'

/** `/history`: every task watched lately, even after it left the watchlist. */
export function HistoryPage() {
  usePageTitle('History · foxwatch')
  return <HistoryView />
}

/** `/kept`: what is kept in this browser, and its storage. */
export function KeptPage() {
  usePageTitle('Kept · foxwatch')
  return <KeptStorageView />
}

/** `/ids`: the ID shelf. */
export function IdsPage() {
  usePageTitle('IDs · foxwatch')
  return <IdShelfView />
}
