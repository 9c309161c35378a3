import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { applyTheme } from './app/theme'
import { loadStoredSchemas } from './lib/stored-list'
import { loadStoredSettings, readSettings } from './lib/settings'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('foxwatch: index.html has no #root element')

function start(root: HTMLElement) {
  // Before the first paint, so a dark theme never flashes light.
  applyTheme(readSettings().theme)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

// What this browser has stored is read through schemas that load only when something is stored,
// before the first render, so nothing shows empty and then fills. A first visit waits for nothing.
// If they cannot come, the page starts anyway; each part reads what it can and tries again later.
void Promise.all([loadStoredSettings(), loadStoredSchemas()]).catch(() => undefined).then(() => start(root))
