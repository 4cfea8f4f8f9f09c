'use client';

import { useEffect } from 'react';
import { wipeCachedPages } from '@/lib/offline/device-scope';

/** On the sign-in page: no cached page of the last member is served from this device any more. */
export function WipeCachedPages() {
  useEffect(() => wipeCachedPages(), []);
  return null;
}
