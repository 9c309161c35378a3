// What foxwatch does before anyone changes a setting: the one place the defaults are written. No
// zod here, so the first page load has them without the schema (settings-schema.ts) that reads
// stored preferences.

export const SETTINGS_DEFAULTS = {
  syncUpstream: true,
  autoKeep: false,
  notify: false,
  sound: false,
  theme: 'system',
  maxInFlight: 4,
  maxPerSecond: 5,
} as const
