import Link from 'next/link';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { shellFacts } from '@/lib/shell/shell-facts';

/**
 * The shell's in-app security alert: for members who may read security
 * alerts (owners, admins), when critical or warning alerts of the last 24 h
 * haven't been marked reviewed. Renders nothing otherwise, and nothing (after
 * logging) if the check fails: the banner must never break the page.
 */
export async function SecurityAlertBanner({ ctx }: { ctx: TenantContext }) {
  let summary;
  try {
    summary = (await shellFacts(ctx)).alerts;
  } catch (error) {
    console.error('security alert banner', error);
    return null;
  }
  if (!summary || summary.critical + summary.warning === 0) return null;
  const critical = summary.critical > 0;
  const parts = [
    summary.critical ? `${summary.critical} critical` : null,
    summary.warning ? `${summary.warning} warning${summary.warning === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return (
    <div
      role="status"
      data-testid="security-alert-banner"
      data-app-chrome
      className={`border-b px-4 py-2 text-sm lg:px-6 ${critical ? 'border-red-200 bg-red-50 text-red-900' : 'border-amber-200 bg-amber-50 text-amber-950'}`}
    >
      {/* At least 24 px tall (WCAG 2.2 target size): the banner sits right above other controls. */}
      <Link href="/security" className="inline-flex min-h-6 items-center font-semibold underline underline-offset-2">
        Security alerts: {parts.join(', ')} in the last 24 hours
      </Link>
      <span className="hidden sm:inline"> — review them on the security page.</span>
    </div>
  );
}
