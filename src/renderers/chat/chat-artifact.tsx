import type { ChatArtifact as Chat } from '../../api/task-view'
import { CopyButton } from '../../components/ui/copy-button'
import { ArtifactCard, Fact } from '../artifact-card'

export function ChatArtifact({ artifact }: { artifact: Chat }) {
  const usage = artifact.usage
  return (
    <ArtifactCard
      footer={
        usage && (
          <>
            <span className="mr-auto font-medium">Tokens</span>
            {usage.prompt !== undefined && <Fact label="Prompt">{usage.prompt}</Fact>}
            {usage.completion !== undefined && <Fact label="Completion">{usage.completion}</Fact>}
            {usage.total !== undefined && <Fact label="Total">{usage.total}</Fact>}
          </>
        )
      }
    >
      <div className="divide-y divide-stone-200 dark:divide-stone-700">
        {artifact.choices.map((choice) => (
          <section key={choice.index} aria-label={`Choice ${choice.index + 1}`} className="space-y-3 p-4">
            <header className="flex flex-wrap items-center gap-3 text-sm text-stone-600 dark:text-stone-300">
              <span className="font-medium capitalize">{choice.role}</span>
              {artifact.choices.length > 1 && <span>choice {choice.index + 1}</span>}
              {choice.finishReason && <Fact label="Finish reason">{choice.finishReason}</Fact>}
              <CopyButton text={choice.content} label="Copy answer" className="ml-auto" />
            </header>
            {choice.reasoning && (
              <details className="rounded-md bg-stone-100 p-3 text-sm dark:bg-stone-800">
                <summary className="cursor-pointer font-medium">Reasoning</summary>
                <p className="mt-2 whitespace-pre-wrap text-stone-700 dark:text-stone-300">{choice.reasoning}</p>
              </details>
            )}
            {choice.content && <div className="whitespace-pre-wrap break-words font-mono text-sm leading-relaxed">{choice.content}</div>}
            {choice.toolCalls.map((call, position) => (
              <div key={position} className="rounded-md border border-stone-200 p-3 text-sm dark:border-stone-700">
                <p className="font-medium">
                  Tool call: <code>{call.name}</code>
                </p>
                <pre className="mt-1 overflow-x-auto text-xs">{call.arguments}</pre>
              </div>
            ))}
          </section>
        ))}
      </div>
    </ArtifactCard>
  )
}
