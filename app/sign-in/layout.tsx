import type { ReactNode } from 'react';
import { AuthProvider } from '@/lib/auth/auth-provider';

export default function SignInLayout({ children }: Readonly<{ children: ReactNode }>) {
  return <AuthProvider>{children}</AuthProvider>;
}
