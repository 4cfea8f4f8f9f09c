import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';

export interface AppHeaderProps {
  orgName?: string;
  userName?: string;
  /** The org switcher and user menu (components/auth/account-menu.tsx); replaces the placeholder. */
  account?: ReactNode;
  /** The reminders bell (components/notification-bell.tsx), left of the account menu. */
  bell?: ReactNode;
}

/** "Ada Lovelace" → "AL"; used for the avatar placeholder. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/**
 * Top bar of the signed-in app. The right-hand side is a static placeholder:
 * the org switcher and user menu replace it once auth lands (in local identity
 * mode they are our own components, not Clerk's — see docs/design.md §5).
 */
export function AppHeader({ orgName, userName, account, bell }: AppHeaderProps) {
  return (
    <header data-app-chrome className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/80">
      <div className="flex h-14 items-center justify-between gap-3 px-4 lg:px-6">
        <Link href="/dashboard" className="flex shrink-0 items-center gap-2 font-semibold text-slate-900">
          <BrandMark />
          {/* On a phone the mark alone: the bell, the organization and the account must fit 390 px. */}
          <span className="sr-only sm:not-sr-only">BrAve Forms</span>
        </Link>

        {account ? (
          <div className="flex min-w-0 items-center gap-2" data-slot="account">
            {bell}
            {account}
          </div>
        ) : (
          <div className="flex min-w-0 items-center gap-3" data-slot="account">
            <span className="min-w-0 truncate text-sm text-slate-600">
              <span className="sr-only">Organization: </span>
              {orgName ?? 'No organization'}
            </span>
            <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800">
              {userName ? (
                <>
                  <span aria-hidden="true">{initials(userName)}</span>
                  <span className="sr-only">Signed in as {userName}</span>
                </>
              ) : (
                <span aria-hidden="true">?</span>
              )}
            </span>
          </div>
        )}
      </div>
    </header>
  );
}
