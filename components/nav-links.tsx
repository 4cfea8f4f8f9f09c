'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NavIcon } from './nav-icons';
import { splitTabs, visibleNavItems, type NavItem } from './nav-items';

/** True for the section itself and anything under it (/projects/123 marks Projects). */
function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

const tabClass = [
  'relative flex min-h-14 w-full flex-col items-center justify-center gap-0.5 px-0.5 pt-1.5 pb-1',
  'text-[11px] leading-tight font-medium text-slate-600 hover:text-brand-700',
  // The current tab gets a bar as well as a colour, so it doesn't rely on colour alone.
  'before:absolute before:inset-x-3 before:top-0 before:h-[3px] before:rounded-b-sm',
  'aria-[current=page]:font-semibold aria-[current=page]:text-brand-700',
  'aria-[current=page]:before:bg-brand-700',
].join(' ');

const sideClass =
  'flex items-center gap-3 rounded-md px-3 py-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800';

function SideLink({ item, pathname }: { item: NavItem; pathname: string }) {
  return (
    <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? 'page' : undefined} className={sideClass}>
      <NavIcon name={item.icon} className="size-5" />
      {item.label}
    </Link>
  );
}

/**
 * The sections that don't fit the phone bar. A native <details> so it opens before hydration
 * and offline; keyed by the path so a navigation from inside it closes it.
 */
function MoreTab({ items, pathname }: { items: readonly NavItem[]; pathname: string }) {
  const current = items.some((item) => isCurrent(pathname, item.href));
  return (
    <details key={pathname} className="group relative">
      <summary
        aria-current={current ? 'page' : undefined}
        className={`${tabClass} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
      >
        <NavIcon name="more" className="size-6" />
        <span>More</span>
      </summary>
      <ul className="absolute right-1 bottom-full mb-2 w-52 space-y-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
        {items.map((item) => (
          <li key={item.href}>
            <SideLink item={item} pathname={pathname} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The app navigation links. A client leaf only because aria-current depends on
 * the URL; `variant` picks the phone tab bar or the desktop side list.
 */
export function NavLinks({ variant, permissions = [] }: { variant: 'tabs' | 'side'; permissions?: readonly string[] }) {
  const pathname = usePathname();
  const navItems = visibleNavItems(permissions);

  if (variant === 'tabs') {
    const { tabs, more } = splitTabs(navItems);
    const columns = tabs.length + (more.length > 0 ? 1 : 0);
    return (
      <ul className="grid" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {tabs.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? 'page' : undefined} className={tabClass}>
              <NavIcon name={item.icon} className="size-6" />
              <span className="max-w-full truncate">{item.shortLabel}</span>
            </Link>
          </li>
        ))}
        {more.length > 0 && (
          <li>
            <MoreTab items={more} pathname={pathname} />
          </li>
        )}
      </ul>
    );
  }

  return (
    <ul className="space-y-1">
      {navItems.map((item) => (
        <li key={item.href}>
          <SideLink item={item} pathname={pathname} />
        </li>
      ))}
    </ul>
  );
}
