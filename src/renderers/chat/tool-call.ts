import { jsonDepth, READABLE_DEPTH } from '../../api/deep-json'

/**
 * Tool-call arguments for reading: indented when they are JSON, as sent when they are not
 * (models do send truncated or almost-JSON arguments, and those are exactly what needs seeing).
 */
export function formatArguments(sent: string): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(sent)
  } catch {
    return sent
  }
  // Arguments nested too deep to indent are shown as sent, on their one line.
  return jsonDepth(parsed, READABLE_DEPTH) > READABLE_DEPTH ? sent : JSON.stringify(parsed, null, 2)
}
