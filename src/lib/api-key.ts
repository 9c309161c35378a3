// The foxapi key typed into the page: kept for this browser session, or across sessions when the
// person ticks "remember". It leaves the browser only in a header to the foxwatch server.
import { useSyncExternalStore } from 'react'
import { createChangeSignal } from './change-signal'

const STORAGE_KEY = 'foxwatch.apiKey'
const changes = createChangeSignal()

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    // Storage can be switched off or full; the key then lives only as long as the page.
    return fallback
  }
}

let memoryKey: string | undefined

export function readApiKey(): string | undefined {
  return safely(() => sessionStorage.getItem(STORAGE_KEY) ?? localStorage.getItem(STORAGE_KEY) ?? undefined, memoryKey)
}

export function isKeyRemembered(): boolean {
  return safely(() => localStorage.getItem(STORAGE_KEY) !== null, false)
}

export function saveApiKey(key: string, remember: boolean): void {
  const trimmed = key.trim()
  memoryKey = trimmed || undefined
  safely(() => {
    sessionStorage.removeItem(STORAGE_KEY)
    localStorage.removeItem(STORAGE_KEY)
    if (trimmed) (remember ? localStorage : sessionStorage).setItem(STORAGE_KEY, trimmed)
  }, undefined)
  changes.notify()
}

export function forgetApiKey(): void {
  saveApiKey('', false)
}

export function useApiKey(): string | undefined {
  return useSyncExternalStore(changes.subscribe, readApiKey)
}
