import type { Permission } from '@/lib/rbac/permissions';

/** The owner pages of the account menu, each shown only to members who may open it. */
const OWNER_LINKS: { href: string; label: string; requires: Permission }[] = [
  { href: '/settings', label: 'Settings', requires: 'org:settings:manage' },
  { href: '/members', label: 'Members and roles', requires: 'org:members:manage' },
  { href: '/billing', label: 'Plan and limits', requires: 'org:settings:manage' },
  { href: '/usage', label: 'Usage', requires: 'org:settings:manage' },
];

export function ownerLinks(permissions: readonly string[]) {
  return OWNER_LINKS.filter((l) => permissions.includes(l.requires));
}
