import Link from 'next/link';
import type { ReactNode } from 'react';

/** The frame of a page under the audit log: a way back, the title, the content. */
export function AuditSubpage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link href="/audit" className="font-medium text-blue-800 underline underline-offset-2">
          ← Audit log
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      {children}
    </div>
  );
}
