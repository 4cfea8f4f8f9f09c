import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SkipLink } from '@/components/skip-link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'BrAve Forms', template: '%s · BrAve Forms' },
  description: 'EPA stormwater and OSHA safety inspections for construction crews, kept audit-ready.',
  applicationName: 'BrAve Forms',
  // public/: the web app manifest and icons (installable; the service worker is public/sw.js).
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
  appleWebApp: { capable: true, title: 'BrAve Forms', statusBarStyle: 'default' },
  // Tenant data must never end up in a search index; only the landing page opts in (app/page.tsx).
  robots: { index: false, follow: false },
};

// No maximumScale/userScalable: crews zoom photos and forms in the field (WCAG 1.4.4).
export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#174a91',
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // Rendered per request: the CSP nonce proxy.ts sets is new on every response, and Next puts
  // it on its scripts only when rendering (a prerendered page's scripts would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <SkipLink />
        {children}
      </body>
    </html>
  );
}
