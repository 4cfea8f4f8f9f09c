import Link from 'next/link';

/**
 * What a signed-in member sees on a page their role may not open (rendered by
 * app/(app)/forbidden.tsx, with HTTP status 403): says why and where to go,
 * never a crash or an empty page.
 */
export function AccessDenied({ role }: { role?: string }) {
  return (
    <div className="mx-auto max-w-lg py-10 text-center" data-testid="access-denied">
      <p className="text-sm font-semibold text-red-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">You can’t open this page</h1>
      <p className="mt-2 text-slate-600">
        Your role in this organization{role ? ` (${role})` : ''} doesn’t include the permission this page needs. Ask
        an owner or admin if you need it.
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
