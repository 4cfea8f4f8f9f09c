import type { ReactNode } from 'react';

/** Names of the icons the app navigation uses (see components/nav-items.ts). */
export type NavIconName = 'dashboard' | 'projects' | 'inspections' | 'violations' | 'rain' | 'audit' | 'security' | 'incidents' | 'export' | 'more';

// 24×24 outline paths. Inline SVG avoids an icon package and a network request.
const paths: Record<NavIconName, ReactNode> = {
  more: (
    <>
      <circle cx="5.5" cy="12" r="1.2" />
      <circle cx="12" cy="12" r="1.2" />
      <circle cx="18.5" cy="12" r="1.2" />
    </>
  ),
  dashboard: (
    <>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
      <rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />
    </>
  ),
  projects: (
    <>
      <path d="M3.5 20.5h17" />
      <path d="M5.5 20.5V9l6-4.5 6 4.5v11.5" />
      <path d="M9.5 20.5v-5h4v5" />
    </>
  ),
  inspections: (
    <>
      <rect x="5" y="4.5" width="14" height="16" rx="2" />
      <path d="M9 3.5h6v3H9z" />
      <path d="m9 13 2 2 4-4.5" />
    </>
  ),
  violations: (
    <>
      <path d="M12 4 2.8 19.5h18.4z" />
      <path d="M12 10v4.5" />
      <path d="M12 17.2v.1" />
    </>
  ),
  rain: (
    <>
      <path d="M7 14.5a4 4 0 0 1-.4-8 5.5 5.5 0 0 1 10.6 1.3A3.4 3.4 0 0 1 17 14.5z" />
      <path d="m8.5 17.5-1 2.5M12.5 17.5l-1 2.5M16.5 17.5l-1 2.5" />
    </>
  ),
  audit: (
    <>
      <path d="M6 3.5h9l3.5 3.5v13.5H6z" />
      <path d="M9 11h6.5M9 14.5h6.5M9 18h4" />
    </>
  ),
  incidents: (
    <>
      <path d="M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17z" />
      <path d="M12 7.5v5l3 2" />
    </>
  ),
  export: (
    <>
      <path d="M12 4v11" />
      <path d="m7.5 10.5 4.5 4.5 4.5-4.5" />
      <path d="M4.5 16.5v3h15v-3" />
    </>
  ),
  security: (
    <>
      <path d="M12 3.5 5 6v5.5c0 4.3 2.9 7.6 7 9 4.1-1.4 7-4.7 7-9V6z" />
      <path d="M12 8.5v4.5" />
      <path d="M12 15.7v.1" />
    </>
  ),
};

/** A decorative navigation icon; the link text next to it carries the meaning. */
export function NavIcon({ name, className = 'size-6' }: { name: NavIconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
