/**
 * How far a long form is: "5 of 12 answered", as a native <progress> (read by
 * screen readers) with the count as text beside it.
 */
export function FormProgress({ done, total, label = 'answered' }: { done: number; total: number; label?: string }) {
  if (total <= 0) return null;
  const text = `${done} of ${total} ${label}`;
  return (
    <div className="flex items-center gap-3">
      <progress value={done} max={total} aria-label={text} className="h-2 w-full max-w-64 accent-brand-700" />
      <span className="shrink-0 text-sm font-medium text-slate-700">{text}</span>
    </div>
  );
}
