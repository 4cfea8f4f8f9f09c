import type { NextConfig } from 'next';

/**
 * Headers sent with every response. The Content-Security-Policy is not here:
 * it needs a per-request nonce, so proxy.ts sets it (lib/security/csp.ts).
 */
const securityHeaders = [
  // Stop browsers from sniffing uploaded photos/documents into executable types.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Tenant and project ids live in URLs: don't leak full paths to other origins.
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Nothing in the app is meant to be embedded; prevents clickjacking of sign/submit buttons.
  { key: 'X-Frame-Options', value: 'DENY' },
  // Crews photograph BMPs and record where an inspection happened; nothing else is needed.
  { key: 'Permissions-Policy', value: 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()' },
  // Ignored by browsers over plain http (local dev, e2e); enforces TLS in production.
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() + app/(app)/forbidden.tsx: a page refused for lack of permission answers HTTP 403.
  experimental: { authInterrupts: true },
  // Native or CommonJS-heavy server packages (pdfkit reads its font metrics from its own folder): loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['pg-boss', 'sharp', 'pdfkit', 'exifr', '@aws-sdk/client-s3', '@aws-sdk/s3-presigned-post', '@aws-sdk/s3-request-presigner'],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // The public QR page carries its token in the URL: no Referer at all, not even the origin
      // (the later rule wins for the same key). Its route sets these too (app/inspect/[token]/route.ts).
      {
        source: '/inspect/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ];
  },
};

export default nextConfig;
