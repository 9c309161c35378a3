// Save for a link found inside an unknown result. The same route and pre-check as
// ../save-button.tsx, which is tied to typed artifacts; this one takes any address and name.
import { useState } from 'react'
import { z } from 'zod'
import { Button } from '../../components/ui/button'
import { saveHref } from '../file-name'

const SaveError = z.object({ error: z.object({ message: z.string() }) })

async function whySaveFails(href: string): Promise<string | undefined> {
  let response: Response
  try {
    response = await fetch(`${href}&check=1`)
  } catch {
    return 'The foxwatch server is not answering, so nothing can be saved right now.'
  }
  if (response.ok) return undefined
  const body = SaveError.safeParse(await response.json().catch(() => null))
  return body.success ? body.data.error.message : `The foxwatch server answered ${response.status}.`
}

export function LinkSaveButton({ address, name }: { address: string; name: string }) {
  const [state, setState] = useState<{ busy: boolean; problem: string | undefined }>({ busy: false, problem: undefined })

  async function save() {
    const href = saveHref(address, name)
    setState({ busy: true, problem: undefined })
    const problem = await whySaveFails(href)
    setState({ busy: false, problem })
    if (problem) return
    const link = document.createElement('a')
    link.href = href
    link.download = name
    document.body.append(link)
    link.click()
    link.remove()
  }

  return (
    <>
      <Button onClick={save} disabled={state.busy} title={`Save as ${name}`} className="font-sans">
        Save
      </Button>
      {state.problem && (
        <span role="alert" className="basis-full font-sans text-sm text-red-700 dark:text-red-400">
          Could not save {name}: {state.problem}
        </span>
      )}
    </>
  )
}
