import 'server-only';
import { env } from '@/lib/env';
import { LOCAL_PUBLISHABLE_KEY } from './local-keys';
import { normalizeRootDomain } from './subdomain';

type AuthMode = 'local' | 'clerk';

export interface AuthConfig {
  mode: AuthMode;
  /** PEM public key given to clerkMiddleware (networkless verification); required in local mode. */
  jwtKey: string | undefined;
  /** Explicit `azp` allow-list; empty means "the request's own origin" (see authorizedPartiesFor). */
  appOrigins: string[];
  rootDomain: string | undefined;
  /** Clerk mode: the Frontend API host named by the publishable key (clerk-js loads from it; the CSP allows it). */
  frontendApi?: string;
}

export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

const HOW_TO =
  'Either run `npm run dev` (embedded database, AUTH_MODE=local with a generated local key), ' +
  'or set NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY from your Clerk dashboard (docs/auth.md).';

function parseOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new AuthConfigError(
      `APP_ORIGINS holds "${value}", which is not an origin: write scheme, host and port only, e.g. https://app.example.com.`,
    );
  }
  return url.origin;
}

function load(): AuthConfig {
  const publishableKey = env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
  const secretKey = env.CLERK_SECRET_KEY;
  const appOrigins = (env.APP_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map(parseOrigin);
  const base = { appOrigins, rootDomain: normalizeRootDomain(env.APP_ROOT_DOMAIN) };

  if (env.AUTH_MODE === 'local') {
    const missing = [
      !env.CLERK_JWT_KEY && 'CLERK_JWT_KEY',
      !env.LOCAL_AUTH_KEY_FILE && 'LOCAL_AUTH_KEY_FILE',
      !secretKey && 'CLERK_SECRET_KEY',
      publishableKey !== LOCAL_PUBLISHABLE_KEY && 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY (the local pk_live_ key)',
    ].filter(Boolean);
    if (missing.length) {
      throw new AuthConfigError(
        `AUTH_MODE=local is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. ` +
          'Start the app with `npm run dev` (or `npm run e2e:server`), which generates the local key and sets them.',
      );
    }
    return { mode: 'local', jwtKey: env.CLERK_JWT_KEY, ...base };
  }

  if (!publishableKey || !secretKey) {
    throw new AuthConfigError(`Authentication is not configured, refusing to start. ${HOW_TO}`);
  }
  if (publishableKey === LOCAL_PUBLISHABLE_KEY) {
    throw new AuthConfigError(`The local publishable key is only valid with AUTH_MODE=local. ${HOW_TO}`);
  }
  // Without it the token's `azp` would go unchecked and the proxy's origin check would have
  // nothing to trust but the request's own Host: fail closed instead (docs/auth.md).
  if (!appOrigins.length) {
    throw new AuthConfigError(
      'Clerk mode needs APP_ORIGINS, refusing to start: set it to the origin(s) the app is served from, ' +
        'comma-separated (e.g. APP_ORIGINS=https://app.example.com). A session token whose `azp` is not one of them ' +
        'is refused, and so is a state-changing request from any other origin (docs/auth.md).',
    );
  }
  return { mode: 'clerk', jwtKey: env.CLERK_JWT_KEY, frontendApi: frontendApiOf(publishableKey), ...base };
}

/** `pk_live_<base64 of "<frontend api host>$">` → the host. */
function frontendApiOf(publishableKey: string): string | undefined {
  try {
    const host = atob(publishableKey.replace(/^pk_(live|test)_/, '')).replace(/\$$/, '');
    return /^[a-z0-9.-]+(:\d+)?$/i.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

let cached: AuthConfig | undefined;

/** The auth configuration; throws AuthConfigError with instructions when neither mode is set up. */
export function authConfig(): AuthConfig {
  cached ??= load();
  return cached;
}

/**
 * Origins allowed in a token's `azp` claim. With APP_ORIGINS set, exactly
 * those (plus `<org>.<APP_ROOT_DOMAIN>` on a tenant subdomain). Without it,
 * in local mode only, the origin of the request itself.
 */
export function authorizedPartiesFor(config: AuthConfig, origin: URL): string[] {
  const parties = [...config.appOrigins];
  if (config.rootDomain && origin.hostname.endsWith(`.${config.rootDomain}`) && parties.length) {
    parties.push(origin.origin);
  }
  if (!parties.length && config.mode === 'local') parties.push(origin.origin);
  return parties;
}

/**
 * The origin the browser used, from Host / X-Forwarded-* like Clerk's own
 * request URL. Not `nextUrl`: Next normalizes 127.0.0.1 to "localhost"
 * there, which would never match the `azp` a browser on 127.0.0.1 gets.
 */
export function browserOrigin(req: { headers: Headers; nextUrl: URL }): URL {
  const first = (v: string | null) => v?.split(',')[0]?.trim() || null;
  const host = first(req.headers.get('x-forwarded-host')) ?? first(req.headers.get('host'));
  const proto = first(req.headers.get('x-forwarded-proto')) ?? req.nextUrl.protocol.replace(':', '');
  if (!host) return new URL(req.nextUrl.origin);
  try {
    return new URL(`${proto}://${host}`);
  } catch {
    return new URL(req.nextUrl.origin);
  }
}
