// The baseline for the first-load JavaScript figure: react and react-dom rendering one paragraph,
// built by the same Vite, so the difference to foxwatch is foxwatch's own code and libraries.
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

const root = document.getElementById('root')
if (root) createRoot(root).render(createElement('p', null, 'hi'))
