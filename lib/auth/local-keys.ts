/**
 * Constants and encoders of the local identity mode (docs/design.md §5), shared by
 * the app and scripts/lib/local-auth.ts. Nothing secret lives here.
 */

/** The Clerk "frontend API" host the local publishable key names. Never contacted. */
const LOCAL_FRONTEND_API = 'clerk.brave-forms.localhost';

/** `pk_live_` form: a `pk_test_` key would make Clerk redirect browsers to its dev-browser handshake. */
function publishableKeyFor(frontendApi: string): string {
  return `pk_live_${Buffer.from(`${frontendApi}$`).toString('base64')}`;
}

export const LOCAL_PUBLISHABLE_KEY = publishableKeyFor(LOCAL_FRONTEND_API);
export const LOCAL_ISSUER = `https://${LOCAL_FRONTEND_API}`;
export const LOCAL_KEY_ID = 'ins_local_brave_forms';

/** Clerk's cookie names (unsuffixed form). */
export const SESSION_COOKIE = '__session';
export const CLIENT_UAT_COOKIE = '__client_uat';
