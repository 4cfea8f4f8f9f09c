'use client';

import { createContext, useContext } from 'react';

/** `<orgId>:<userId>` of the signed-in member, for device storage (lib/offline/device-scope.ts). */
export const DeviceScopeContext = createContext<string | null>(null);

export function useDeviceScope(): string | null {
  return useContext(DeviceScopeContext);
}
