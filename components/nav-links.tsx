'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { NavIcon } from './nav-icons';
import { visibleNavItems } from './nav-items';

/** True for the section itself and anything under it (/projects/123 marks Projects). */
function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The app navigation links. A client leaf only because aria-current depends on
 * the URL; `variant` picks the phone tab bar or the desktop side list.
 */
export function NavLinks({ variant, permissions = [] }: { variant: 'tabs' | 'side'; permissions?: readonly string[] }) {
  const pathname = usePathname();
  const navItems = visibleNavItems(permissions);

  if (variant === 'tabs') {
    return (
      <ul className="grid" style={{ gridTemplateColumns: `repeat(${navItems.length}, minmax(0, 1fr))` }}>
        {navItems.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}
              className={[
                'relative flex min-h-14 flex-col items-center justify-center gap-0.5 px-0.5 pt-1.5 pb-1',
                'text-[11px] leading-tight font-medium text-slate-600 hover:text-brand-700',
                // The current tab gets a bar as well as a colour, so it doesn't rely on colour alone.
                'before:absolute before:inset-x-3 before:top-0 before:h-[3px] before:rounded-b-sm',
                'aria-[current=page]:font-semibold aria-[current=page]:text-brand-700',
                'aria-[current=page]:before:bg-brand-700',
              ].join(' ')}
            >
              <NavIcon name={item.icon} className="size-6" />
              <span className="max-w-full truncate">{item.shortLabel}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <ul className="space-y-1">
      {navItems.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}
            className="flex items-center gap-3 rounded-md px-3 py-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
          >
            <NavIcon name={item.icon} className="size-5" />
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
