import Link from 'next/link';

/**
 * What a signed-in member sees on a page their role may not open: a plain 403
 * that says why and where to go, never a crash or an empty page.
 */
export function AccessDenied({ what, permission }: { what: string; permission: string }) {
  return (
    <div className="mx-auto max-w-lg py-10 text-center" data-testid="access-denied">
      <p className="text-sm font-semibold text-red-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">You can’t open {what}</h1>
      <p className="mt-2 text-slate-600">
        Your role in this organization doesn’t include{' '}
        <code className="rounded bg-slate-100 px-1 py-0.5 text-sm">{permission}</code>. Ask an owner or admin if you
        need it.
      </p>
      <Link
        href="/dashboard"
        className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
      >
        Back to the dashboard
      </Link>
    </div>
  );
}
