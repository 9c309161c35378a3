import type { ComponentProps } from 'react'

const VARIANTS = {
  primary: 'bg-orange-700 text-white hover:bg-orange-800 disabled:bg-orange-300 dark:disabled:bg-orange-900',
  secondary: 'border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-600 dark:bg-stone-800 dark:text-stone-100 dark:hover:bg-stone-700',
  quiet: 'text-stone-700 hover:bg-stone-200 dark:text-stone-200 dark:hover:bg-stone-800',
} as const

type ButtonProps = ComponentProps<'button'> & { variant?: keyof typeof VARIANTS }

export function Button({ variant = 'secondary', className = '', type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  )
}
