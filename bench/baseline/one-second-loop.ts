// The baseline for the polling figures: the naive watcher, asking about the task (`?id=`) every
// second through the same foxwatch server until it settles, and showing its status.
const taskId = new URLSearchParams(window.location.search).get('id') ?? ''
const status = document.querySelector('[data-testid="task-status"]')

function statusOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'status' in body && typeof body.status === 'string' ? body.status : 'unknown'
}

async function ask(): Promise<void> {
  const response = await fetch(`/api/tasks/${encodeURIComponent(taskId)}`, { headers: { accept: 'application/json' } })
  const now = statusOf(await response.json())
  if (status) status.textContent = now
  if (['completed', 'failed', 'cancelled'].includes(now)) clearInterval(timer)
}

const timer = setInterval(() => void ask(), 1000)
void ask()
