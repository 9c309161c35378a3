// What a benchmark reports: figures with their samples, budget and baseline, judged and tabled.
import { spread } from './bench-server.ts'

/** A budget on the median of the samples, or on the worst of them (`at: 'max'`). */
export type Budget = { at?: 'median' | 'max'; most?: number; least?: number }

export type Figure = {
  /** Stable ID, e.g. `js-gzip`, for the JSON and for comparing runs. */
  id: string
  title: string
  unit: string
  samples: number[]
  budget?: Budget
  baseline?: { label: string; samples: number[] }
  /** Decimal places shown. */
  digits?: number
  note?: string
}

/** A benchmark that could not finish: shown as a row, and fails the run. */
export type Failure = { id: string; title: string; error: string }

export type Verdict = 'pass' | 'miss' | 'n/a'

export function judge(figure: Figure): Verdict {
  const { budget, samples } = figure
  if (!budget || samples.length === 0) return 'n/a'
  const stats = spread(samples)
  const value = budget.at === 'max' ? stats.max : stats.median
  if (!Number.isFinite(value)) return 'miss'
  if (budget.most !== undefined && value > budget.most) return 'miss'
  if (budget.least !== undefined && value < budget.least) return 'miss'
  return 'pass'
}

function number(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–'
}

function summary(samples: readonly number[], digits: number): string {
  if (samples.length === 0) return '–'
  const { median, min, max } = spread(samples)
  return samples.length === 1 ? number(median, digits) : `${number(median, digits)} (${number(min, digits)}–${number(max, digits)})`
}

export function budgetText({ budget, unit, digits = 0 }: Pick<Figure, 'budget' | 'unit' | 'digits'>): string {
  if (!budget) return ''
  const of = budget.at === 'max' ? 'max ' : ''
  const parts = [
    budget.most !== undefined ? `${of}≤ ${number(budget.most, digits)}` : '',
    budget.least !== undefined ? `${of}≥ ${number(budget.least, digits)}` : '',
  ].filter(Boolean)
  return `${parts.join(', ')} ${unit}`.trim()
}

export type Row = { figure: string; budget: string; measured: string; baseline: string; verdict: string }

export function rowOf(item: Figure | Failure): Row {
  if ('error' in item) return { figure: item.title, budget: '', measured: `error: ${item.error}`, baseline: '', verdict: 'error' }
  const digits = item.digits ?? 0
  return {
    figure: item.title,
    budget: budgetText(item),
    measured: [summary(item.samples, digits), item.unit].filter(Boolean).join(' '),
    baseline: item.baseline ? [summary(item.baseline.samples, digits), item.unit, item.baseline.label].filter(Boolean).join(' ') : '',
    verdict: judge(item),
  }
}

/** A plain-text table, and the same as Markdown for the README. */
export function table(rows: readonly Row[], markdown = false): string {
  const header: Row = { figure: 'figure', budget: 'budget', measured: 'median (min–max)', baseline: 'baseline', verdict: 'pass/miss' }
  const all = [header, ...rows]
  const keys = ['figure', 'budget', 'measured', 'baseline', 'verdict'] as const
  if (markdown) {
    const line = (row: Row) => `| ${keys.map((key) => row[key].replaceAll('|', '\\|')).join(' | ')} |`
    return [line(header), `|${keys.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
  }
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)))
  const line = (row: Row) => keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n')
}
