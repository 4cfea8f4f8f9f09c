import 'server-only';
import { ClerkProvider } from '@clerk/nextjs';
import type { ReactNode } from 'react';
import { authConfig } from './config';

/**
 * ClerkProvider (and with it clerk-js from Clerk's servers) only in Clerk
 * mode. Local mode renders our own sign-in, switcher and menu instead.
 * `dynamic`: Clerk's script tags carry the request's CSP nonce (x-nonce, proxy.ts).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  if (authConfig().mode !== 'clerk') return children;
  return (
    <ClerkProvider dynamic signInUrl="/sign-in" afterSignOutUrl="/sign-in">
      {children}
    </ClerkProvider>
  );
}

export function isLocalAuth(): boolean {
  return authConfig().mode === 'local';
}
