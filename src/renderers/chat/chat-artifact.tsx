import { useState } from 'react'
import type { ChatChoice, ChatArtifact as Chat, TaskView } from '../../api/task-view'
import { Button } from '../../lib/ui/button'
import { CopyButton } from '../../lib/ui/copy-button'
import { ArtifactCard, Fact } from '../artifact-card'
import { ChatMarkdown } from './chat-markdown'
import { ChoiceTabs } from './choice-tabs'
import { formatArguments } from './tool-call'

function ToolCalls({ calls }: { calls: ChatChoice['toolCalls'] }) {
  return (
    <section aria-label="Tool calls" className="space-y-2">
      <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase dark:text-stone-400">Tool calls</p>
      {calls.map((call, position) => (
        <div
          key={position}
          role="group"
          aria-label={`Tool call ${call.name}`}
          className="overflow-hidden rounded-md border border-stone-200 text-sm dark:border-stone-700"
        >
          <div className="flex flex-wrap items-center gap-2 bg-stone-100 px-3 py-1.5 dark:bg-stone-800">
            <span className="text-stone-600 dark:text-stone-400">Function</span>
            <code className="font-semibold">{call.name}</code>
            {call.arguments && <CopyButton text={call.arguments} label="Copy arguments" className="ml-auto" />}
          </div>
          {call.arguments ? (
            <pre aria-label={`Arguments of ${call.name}`} className="overflow-x-auto p-3 text-xs leading-relaxed">
              {formatArguments(call.arguments)}
            </pre>
          ) : (
            <p className="p-3 text-xs text-stone-500 dark:text-stone-400">No arguments.</p>
          )}
        </div>
      ))}
    </section>
  )
}

function ChoiceView({ choice }: { choice: ChatChoice }) {
  const [raw, setRaw] = useState(false)
  return (
    <div className="space-y-3 p-4">
      <header className="flex flex-wrap items-center gap-3 text-sm text-stone-600 dark:text-stone-300">
        <span className="font-medium capitalize">{choice.role}</span>
        {choice.finishReason && <Fact label="Finish reason">{choice.finishReason}</Fact>}
        {choice.content && (
          <span className="ml-auto flex flex-wrap gap-2">
            <Button onClick={() => setRaw(!raw)}>{raw ? 'Show formatted' : 'Show raw text'}</Button>
            <CopyButton text={choice.content} label="Copy as markdown" />
          </span>
        )}
      </header>
      {choice.reasoning && (
        <details className="rounded-md bg-stone-100 p-3 text-sm dark:bg-stone-800">
          <summary className="cursor-pointer font-medium">Reasoning</summary>
          <p className="mt-2 whitespace-pre-wrap text-stone-700 dark:text-stone-300">{choice.reasoning}</p>
        </details>
      )}
      {choice.content &&
        (raw ? (
          <pre aria-label="Answer as raw text" className="font-mono text-sm leading-relaxed break-words whitespace-pre-wrap">
            {choice.content}
          </pre>
        ) : (
          <ChatMarkdown markdown={choice.content} />
        ))}
      {choice.toolCalls.length > 0 && <ToolCalls calls={choice.toolCalls} />}
    </div>
  )
}

export function ChatArtifact({ artifact, task }: { artifact: Chat; task: TaskView }) {
  const { usage, choices } = artifact
  const [only] = choices
  return (
    <ArtifactCard
      footer={
        <>
          {/* A completion may name a dated snapshot of the model the task asked for. */}
          <span className="mr-auto">{artifact.model && artifact.model !== task.model && <Fact label="Model">{artifact.model}</Fact>}</span>
          <span className="font-medium">Tokens</span>
          {usage?.prompt !== undefined && <Fact label="Prompt">{usage.prompt}</Fact>}
          {usage?.completion !== undefined && <Fact label="Completion">{usage.completion}</Fact>}
          {usage?.total !== undefined && <Fact label="Total">{usage.total}</Fact>}
          {!usage && <span>not reported</span>}
        </>
      }
    >
      {choices.length > 1 ? (
        <ChoiceTabs
          label="Choices"
          tabs={choices.map((choice) => ({ title: `Choice ${choice.index + 1}`, panel: <ChoiceView choice={choice} /> }))}
        />
      ) : (
        only && (
          <section aria-label={`Choice ${only.index + 1}`}>
            <ChoiceView choice={only} />
          </section>
        )
      )}
    </ArtifactCard>
  )
}
