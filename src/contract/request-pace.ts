// How far apart task queries start. Shared by the page's request budget (request-budget.ts) and
// the server, which spaces its own forwarding to foxapi by the same gap and a small guard for
// foxapi's clock (server/pace.ts, decision 0026): the page tells the server its pace in a header,
// because the way to the server delays some queries more than others, and queries spaced evenly
// as they leave the page can otherwise reach foxapi bunched together.

/** The header a task query carries its page's "queries per second at most" setting in. */
export const PACE_HEADER = 'X-Foxwatch-Pace'

/**
 * The header naming the page a query comes from (a random ID per page load): the setting is a
 * budget per page, so the server keeps one lane per page, not one shared by every tab.
 */
export const PAGE_HEADER = 'X-Foxwatch-Page'

/** What the server takes as a page ID: anything else gives the query no lane of its own. */
export const PAGE_ID = /^[A-Za-z0-9-]{1,64}$/

/** The most queries per second the setting allows. */
export const MAX_PER_SECOND = 20

/** The most queries in flight the setting allows; the server holds no more than this waiting per page. */
export const MAX_IN_FLIGHT = 16

/**
 * Milliseconds from one start to the next, for `perSecond` a second: exactly 1000 / perSecond, so
 * the setting means what it says (decision 0026). Both sides measure each gap from the last real
 * start, and a timer never fires early, so starts are never closer than this.
 */
export function startGap(perSecond: number): number {
  return 1000 / Math.min(MAX_PER_SECOND, Math.max(1, perSecond))
}
