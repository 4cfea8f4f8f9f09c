import type { NavIconName } from './nav-icons';

export interface NavItem {
  href: string;
  label: string;
  /** Shorter label for the phone tab bar, where six items share ~390px. */
  shortLabel: string;
  icon: NavIconName;
}

/** The signed-in app's sections, in the order crews use them most. */
export const navItems: readonly NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', shortLabel: 'Home', icon: 'dashboard' },
  { href: '/projects', label: 'Projects', shortLabel: 'Projects', icon: 'projects' },
  { href: '/inspections', label: 'Inspections', shortLabel: 'Inspect', icon: 'inspections' },
  { href: '/violations', label: 'Violations', shortLabel: 'Violations', icon: 'violations' },
  { href: '/rain-events', label: 'Rain events', shortLabel: 'Rain', icon: 'rain' },
  { href: '/audit', label: 'Audit', shortLabel: 'Audit', icon: 'audit' },
];
