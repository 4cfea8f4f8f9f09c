import type { Permission } from '@/lib/rbac/permissions';
import type { NavIconName } from './nav-icons';

export interface NavItem {
  href: string;
  label: string;
  /** Shorter label for the phone tab bar, where six items share ~390px. */
  shortLabel: string;
  icon: NavIconName;
  /** Shown only to members holding this permission. */
  requires?: Permission;
}

/** The signed-in app's sections, in the order crews use them most. */
const navItems: readonly NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', shortLabel: 'Home', icon: 'dashboard' },
  { href: '/projects', label: 'Projects', shortLabel: 'Projects', icon: 'projects' },
  { href: '/inspections', label: 'Inspections', shortLabel: 'Inspect', icon: 'inspections' },
  { href: '/violations', label: 'Violations', shortLabel: 'Violations', icon: 'violations' },
  { href: '/rain-events', label: 'Rain events', shortLabel: 'Rain', icon: 'rain' },
  { href: '/incidents', label: 'Incidents', shortLabel: 'Incidents', icon: 'incidents', requires: 'org:incidents:read' },
  { href: '/audit', label: 'Audit', shortLabel: 'Audit', icon: 'audit' },
  { href: '/security', label: 'Security', shortLabel: 'Security', icon: 'security', requires: 'org:audit:read' },
  { href: '/export', label: 'Export data', shortLabel: 'Export', icon: 'export', requires: 'org:export:run' },
];

/** The items a member with `permissions` sees. */
export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return navItems.filter((item) => !item.requires || permissions.includes(item.requires));
}

/** The phone tab bar fits six tabs one thumb can hit (≥ 56 px wide on a 360 px screen). */
export const MAX_TABS = 6;

/** Tabs for the phone bar: every item when they fit, else the first five and the rest behind "More". */
export function splitTabs(items: readonly NavItem[]): { tabs: NavItem[]; more: NavItem[] } {
  if (items.length <= MAX_TABS) return { tabs: [...items], more: [] };
  return { tabs: items.slice(0, MAX_TABS - 1), more: items.slice(MAX_TABS - 1) };
}
