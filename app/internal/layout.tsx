import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { supportEnabled } from '@/lib/support/staff';

export const metadata: Metadata = { title: 'Operator support', robots: { index: false, follow: false } };

/** The operator's internal area: absent (404) unless SUPPORT_STAFF is configured (docs/support-access.md). */
export default function InternalLayout({ children }: { children: ReactNode }) {
  if (!supportEnabled()) notFound();
  return (
    <div className="min-h-dvh bg-slate-100">
      <header className="bg-slate-900 px-4 py-3 text-white">
        <p className="text-base font-semibold">BrAve Forms — operator support (internal)</p>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
