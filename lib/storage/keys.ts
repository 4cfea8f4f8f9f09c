import type { FileKind } from './rules';

/**
 * Object keys are `tenants/{orgId}/{kind}/{uuid}/{name}`. The org comes from
 * the tenant context, the uuid from the row, the kind from the code; of the
 * client's input only a sanitized file name survives, and it can't climb out
 * of its folder: every character but [A-Za-z0-9._-] becomes '-', runs of dots
 * collapse, and leading dots go (so `../`, `%2e%2e`, `..\` are inert).
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+/, '')
    .replace(/-+/g, '-')
    .slice(-100);
  return cleaned || 'file';
}

const ORG = /^[A-Za-z0-9_-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function objectKey(orgId: string, kind: FileKind, id: string, fileName: string): string {
  if (!ORG.test(orgId) || !UUID.test(id)) throw new Error('refusing to build a key from an unvalidated id');
  return `${tenantPrefix(orgId, kind)}${id}/${sanitizeFileName(fileName)}`;
}

/** The thumbnail sits next to its photo. */
export function thumbnailKey(orgId: string, id: string): string {
  return objectKey(orgId, 'photos', id, 'thumb.webp');
}

function tenantPrefix(orgId: string, kind: FileKind): string {
  return `${tenantRoot(orgId)}${kind}/`;
}

/** Everything of one organization lies under this prefix (what its deletion empties, docs/deletion.md). */
export function tenantRoot(orgId: string): string {
  if (!ORG.test(orgId)) throw new Error('refusing to build a prefix from an unvalidated id');
  return `tenants/${orgId}/`;
}

/**
 * Defense in depth before any S3 call with a key read from a row: the key
 * must lie under this tenant's prefix for this kind (RLS already chose the row).
 */
export function assertTenantKey(key: string, orgId: string, kind: FileKind): void {
  const prefix = tenantPrefix(orgId, kind);
  const rest = key.slice(prefix.length);
  if (!key.startsWith(prefix) || rest.includes('..') || !/^[0-9a-f-]{36}\/[A-Za-z0-9._-]+$/.test(rest)) {
    throw new Error(`storage key outside the tenant's ${kind} prefix`);
  }
}
