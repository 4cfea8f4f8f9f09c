import 'server-only';
import { headers } from 'next/headers';
import { browserOrigin } from './config';

/** The app's origin as the browser sees it in this request, derived exactly as proxy.ts derives it. */
export async function requestOrigin(): Promise<URL> {
  return browserOrigin({ headers: await headers(), nextUrl: new URL('http://localhost:3000') });
}
