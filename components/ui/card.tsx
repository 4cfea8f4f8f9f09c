import { useId, type ReactNode } from 'react';

export interface CardProps {
  title: string;
  children: ReactNode;
  /** Heading level of the title, so cards fit the page outline (default h2). */
  headingLevel?: 2 | 3;
  className?: string;
}

/** A titled panel; a labelled <section> so screen-reader users can jump between cards. */
export function Card({ title, children, headingLevel = 2, className = '' }: CardProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 ${className}`}
    >
      <Heading id={headingId} className="text-base font-semibold text-slate-900">
        {title}
      </Heading>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
    </section>
  );
}
