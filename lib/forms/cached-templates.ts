import 'server-only';
import type { Tx } from '@/db/tenant';
import { tenantCache, type CacheTenant } from '@/lib/cache';
import { getCurrentTemplateByKey, getTemplate, type FormTemplate } from './templates';

/**
 * Form templates through the tenant cache. A template version never changes
 * (editing publishes a new row), so a version is kept an hour; "the current
 * version of key K" changes only by a write, which invalidates the tenant
 * (lib/api/tenant-request.ts), so five minutes is a bound, not a staleness.
 */
export function templateVersion(tx: Tx, scope: CacheTenant, id: string): Promise<FormTemplate | undefined> {
  return tenantCache(scope).getOrSet(`template:${id}`, 3_600, () => getTemplate(tx, scope.orgId, id));
}

export function currentTemplate(tx: Tx, scope: CacheTenant, key: string): Promise<FormTemplate | undefined> {
  return tenantCache(scope).getOrSet(`template-current:${key}`, 300, () => getCurrentTemplateByKey(tx, scope.orgId, key));
}
