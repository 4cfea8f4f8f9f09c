import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

// Also what a row of another tenant looks like (docs/design.md §4): say nothing about why.
export default function NotFound() {
  return (
    <main id="main" tabIndex={-1} className="flex min-h-dvh items-center justify-center px-4 outline-none">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">Page not found</h1>
        <p className="mt-2 text-slate-600">The page you asked for does not exist or is not available to you.</p>
        <Link
          href="/"
          className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
        >
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
