import 'server-only';
import Link from 'next/link';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { shellFacts } from '@/lib/shell/shell-facts';

/** The bell in the header: a link to /notifications with the member's unread count. */
export function BellLink({ count }: { count: number | null }) {
  const label = count ? `Reminders, ${count} unread` : 'Reminders';
  return (
    <Link
      href="/notifications"
      aria-label={label}
      className="relative flex size-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count ? (
        <span aria-hidden="true" data-testid="bell-count" className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-semibold text-white">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}

/** Streams into the header after the shell (wrapped in Suspense by the layout). */
export async function NotificationBell({ ctx }: { ctx: TenantContext }) {
  return <BellLink count={(await shellFacts(ctx)).unread} />;
}
