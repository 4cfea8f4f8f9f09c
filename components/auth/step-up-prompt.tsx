'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/**
 * Shown by a form whose action answered `stepUp` (lib/actions/tenant-action.ts):
 * a link to confirm the second factor, which comes back to this page.
 */
export function StepUpPrompt({ show }: { show: boolean }) {
  const path = usePathname();
  if (!show) return null;
  return (
    <p className="mt-2">
      <Link
        href={`/verify-identity?redirect_url=${encodeURIComponent(path)}`}
        className="inline-flex min-h-12 items-center rounded-md bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      >
        Confirm it’s you
      </Link>
    </p>
  );
}
