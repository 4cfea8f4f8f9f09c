import type { ReactNode } from 'react';

/**
 * The bar holding a form's submit button (and a note): on phones it sticks to
 * the bottom of the screen, just above the phone nav bar (app/(app)/layout.tsx),
 * so a long form can be sent with one thumb wherever the crew has scrolled to;
 * on wider screens it sits after the form.
 */
export function SubmitBar({ children, note }: { children: ReactNode; note?: ReactNode }) {
  return (
    <div className="sticky bottom-[calc(3.5rem_+_1px_+_env(safe-area-inset-bottom))] z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:rounded-lg sm:border sm:p-4">
      {note ? <p className="mb-2 text-sm text-slate-600">{note}</p> : null}
      <div className="flex flex-wrap items-center gap-3">{children}</div>
    </div>
  );
}
