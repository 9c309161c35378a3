import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { fileURLToPath } from 'node:url'

/** foxwatch's own modules, not a package's `src/`. */
const OWN_SOURCE = fileURLToPath(new URL('./src/', import.meta.url))

// `npm run dev` serves the page with hot reload; the API routes come from `npm run dev:server` on 4173.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    // No source maps for the page: the server serves everything in dist/, and they would hand
    // every visitor the whole source. (The server's own build keeps its maps; nothing serves those.)
    sourcemap: false,
    // three.js (the 3D material preview, ~550 kB) is one lazy chunk loaded only on request.
    chunkSizeWarningLimit: 600,
    // Every browser foxwatch supports has <link rel="modulepreload">: no polyfill in the entry.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first page load runs is one script (left alone, modules shared with a lazy
        // chunk become small chunks of their own, which cost a request each and compress worse);
        // lazy chunks stay lazy. See docs/decisions on the first-load budget. The small modules
        // of foxwatch's own that two or more lazy chunks share are one chunk too, not twenty: a
        // deep link's task page waited on HTTP/1.1's six connections for them (decision 0042).
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            { name: 'shared', minShareCount: 2, test: (id) => id.startsWith(OWN_SOURCE), maxModuleSize: 16 * 1024 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:4173', '/demo': 'http://127.0.0.1:4173' },
  },
})
