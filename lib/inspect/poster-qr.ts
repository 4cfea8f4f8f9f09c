import 'server-only';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { env } from '@/lib/env';

/**
 * The origin printed on the poster: the first of APP_ORIGINS in a deployment
 * (the public name, not whatever Host a request carried), else the request's
 * own origin (local development and tests).
 */
export async function publicOrigin(): Promise<string> {
  const configured = env.APP_ORIGINS?.split(',')[0]?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  let h: Headers;
  try {
    h = await headers();
  } catch {
    return 'http://localhost:3000'; // outside a request (scripts, tests)
  }
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? 'http' : 'https');
  return `${proto}://${host}`;
}

/** The QR page's URL for a token and its QR code as SVG markup, made on the server (`qrcode`). */
export async function posterFor(token: string): Promise<{ url: string; qrSvg: string }> {
  const url = `${await publicOrigin()}/inspect/${token}`;
  // Level M survives a scuffed, rain-spotted print; margin 4 is the quiet zone the QR spec asks for.
  const qrSvg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return { url, qrSvg };
}
