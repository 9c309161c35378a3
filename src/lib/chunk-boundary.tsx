// A part of the page that arrives as a chunk of its own (the task page, a renderer). When the
// chunk can't be fetched (the foxwatch server is down or restarting, or was updated since this
// page loaded), React would otherwise unmount the whole page: here the rest stays, and this part
// says why. Any other error in the part is caught the same way, with its own sentence.
import { Component, type ReactNode } from 'react'
import { Button } from './ui/button'

type Props = {
  children: ReactNode
  what: string
  /** Show nothing instead: for a small part whose neighbour, from the same chunk, says it. */
  quiet?: boolean
}
type State = { error: unknown }

/** Chromium, Firefox and Safari each word a failed dynamic import their own way. */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|module script/i.test(error.message)
}

export class ChunkBoundary extends Component<Props, State> {
  override state: State = { error: undefined }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown') }
  }

  override render() {
    const { error } = this.state
    if (error === undefined) return this.props.children
    if (this.props.quiet) return null
    return (
      <div role="alert" className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
        <p>
          {isChunkLoadError(error)
            ? `The ${this.props.what} could not load: the foxwatch server did not send it (is it restarting?). Nothing is lost; reload once the server is back.`
            : `The ${this.props.what} could not be shown (${error instanceof Error ? error.message : String(error)}). Nothing is lost; reloading may help.`}
        </p>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </div>
    )
  }
}
