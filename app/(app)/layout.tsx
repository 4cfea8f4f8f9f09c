import { Suspense, type ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { AccountMenu } from '@/components/auth/account-menu';
import { DeletionBanner } from '@/components/deletion-banner';
import { NavLinks } from '@/components/nav-links';
import { BellLink, NotificationBell } from '@/components/notification-bell';
import { OfflineShell, OutboxBanner } from '@/components/offline/offline-shell';
import { SecurityAlertBanner } from '@/components/security-alert-banner';
import { SupportAccessBanner } from '@/components/support-access-banner';
import { AuthProvider } from '@/lib/auth/auth-provider';
import { requireTenantPage } from '@/lib/auth/session';

/**
 * Shell of every signed-in page: header, then a side nav on large screens and a
 * bottom tab bar on phones (thumb reach). Requires a signed-in user with an
 * active organization (else /sign-in or /select-org); each page still calls
 * requireTenantPage() itself, since layouts don't re-render on every navigation.
 */
export default async function AppLayout({ children }: Readonly<{ children: ReactNode }>) {
  const ctx = await requireTenantPage();
  return (
    <AuthProvider>
      <OfflineShell scope={`${ctx.orgId}:${ctx.userId}`}>
        <div className="flex min-h-dvh flex-col">
          <AppHeader
            bell={
              <Suspense fallback={<BellLink count={null} />}>
                <NotificationBell ctx={ctx} />
              </Suspense>
            }
            account={<AccountMenu ctx={ctx} />}
          />
          <OutboxBanner />
          {/* Streams in after the shell: the alert query never delays the page. */}
          <Suspense fallback={null}>
            <SecurityAlertBanner ctx={ctx} />
          </Suspense>
          <Suspense fallback={null}>
            <SupportAccessBanner ctx={ctx} />
          </Suspense>
          <Suspense fallback={null}>
            <DeletionBanner ctx={ctx} />
          </Suspense>

          <div className="flex flex-1">
            <nav
              aria-label="Main"
              data-app-chrome
              className="sticky top-14 hidden h-[calc(100dvh-3.5rem)] w-60 shrink-0 overflow-y-auto border-r border-slate-200 bg-white p-3 lg:block"
            >
              <NavLinks variant="side" permissions={ctx.permissions} />
            </nav>

            {/* Bottom padding keeps the last content clear of the fixed tab bar on phones. */}
            <main
              id="main"
              tabIndex={-1}
              className="min-w-0 flex-1 px-4 pt-6 pb-28 outline-none sm:px-6 lg:px-8 lg:pb-10"
            >
              {children}
            </main>
          </div>

          <nav
            aria-label="Main"
            data-app-chrome
            className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] lg:hidden"
          >
            <NavLinks variant="tabs" permissions={ctx.permissions} />
          </nav>
        </div>
      </OfflineShell>
    </AuthProvider>
  );
}
