import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'lint/**/*.test.ts'],
    environment: 'node',
    // Vitest leaves a core free by default; `npm test` runs nothing beside it, and on a 2-core
    // machine that one free core halves the speed.
    maxWorkers: availableParallelism(),
  },
})
