import { AccessDenied } from '@/components/access-denied';
import { currentTenant } from '@/lib/auth/session';

/** forbidden() under app/(app) (requirePagePermission): this, inside the app's layout, with HTTP status 403. */
export default async function Forbidden() {
  const r = await currentTenant();
  return <AccessDenied role={r.ok ? r.ctx.role : undefined} />;
}
