/** The product mark: a raindrop over a ground line. Decorative; the name is always beside it. */
export function BrandMark({ className = 'size-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" className="fill-brand-700" />
      <path d="M16 6c3.5 4.6 6 8 6 11a6 6 0 0 1-12 0c0-3 2.5-6.4 6-11z" fill="#fff" />
      <path d="M7 26h18" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
