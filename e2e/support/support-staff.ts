/** The e2e server's one support staff member (playwright.config.ts configures the SHA-256 of this key). */
export const SUPPORT_STAFF = { name: 'e2e-support', key: 'e2e-support-key-not-a-secret-0123456789' };
