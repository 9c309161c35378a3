// Puts the chosen theme on <html>: `dark` as a class for Tailwind's dark variant, and the
// matching color-scheme so form controls and scrollbars follow.
import { useEffect } from 'react'
import type { Settings } from '../lib/settings-schema'

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function applyTheme(theme: Settings['theme']): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia(DARK_QUERY).matches)
  document.documentElement.classList.toggle('dark', dark)
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
}

/** Keeps <html> in step with the setting, and with the system while the setting is "system". */
export function useTheme(theme: Settings['theme']): void {
  useEffect(() => {
    applyTheme(theme)
    if (theme !== 'system') return
    const media = window.matchMedia(DARK_QUERY)
    const follow = () => applyTheme('system')
    media.addEventListener('change', follow)
    return () => media.removeEventListener('change', follow)
  }, [theme])
}
