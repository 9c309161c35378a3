// The sentence for changes this browser refused to store (its storage is full or switched off):
// they are on screen, and last as long as the tab; what was stored before is untouched.
export function UnsavedNotice({ count, list }: { count: number; list: string }) {
  if (count === 0) return null
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {`This browser refused to store ${count === 1 ? 'a change' : `${count} changes`} to ${list}: its storage is full or switched off. `}
      {`${count === 1 ? 'It stays' : 'They stay'} in this tab until it closes, and foxwatch stores ${count === 1 ? 'it' : 'them'} as soon as there is room; nothing stored before is lost.`}
    </p>
  )
}
