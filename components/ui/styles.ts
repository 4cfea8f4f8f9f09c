/**
 * The look of every form control, in one place: 44 px tall (a thumb's
 * target), 16 px text on phones (iOS does not zoom into it), a red ring on
 * `aria-invalid`. Field-sized controls in long forms add `min-h-12`.
 */
export const inputClass =
  'block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 sm:text-sm';

export const primaryButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:cursor-not-allowed disabled:opacity-70';

export const secondaryButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-70';
