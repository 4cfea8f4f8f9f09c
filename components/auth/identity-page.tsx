import type { ReactNode } from 'react';
import { BrandMark } from '@/components/brand-mark';

/** The frame of the pages a person sees before an organization is open (choosing one, joining one). */
export function IdentityPage({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex min-h-dvh max-w-lg flex-col gap-6 px-4 py-10 outline-none">
      <div className="flex items-center gap-2 font-semibold text-slate-900">
        <BrandMark />
        BrAve Forms
      </div>
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">{intro}</p>
      </div>
      {children}
    </main>
  );
}
