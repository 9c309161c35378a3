import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { applyTheme } from './app/theme'
import { readSettings } from './settings/settings'
import './index.css'

// Before the first paint, so a dark theme never flashes light.
applyTheme(readSettings().theme)

const root = document.getElementById('root')
if (!root) throw new Error('foxwatch: index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
