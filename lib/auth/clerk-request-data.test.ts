/**
 * patches/@clerk+nextjs+7.9.17.patch: Clerk's auth() decrypts the request data its middleware
 * encrypted (our dynamic clerkMiddleware options, proxy.ts) three times per call; the patch keeps
 * the last header's result. Checked here on Clerk's own encrypt/decrypt: the patch is applied,
 * a repeat is answered from the memo (one AES decrypt), and a new header is never answered with
 * the old data.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const utils = pathToFileURL(path.resolve('node_modules/@clerk/nextjs/dist/esm/server/utils.js')).href;
// The AES that utils.js decrypts with: the same module instance, so a spy on it counts utils.js's calls.
const cryptoEs = pathToFileURL(path.resolve('node_modules/@clerk/nextjs/dist/esm/vendor/crypto-es.js')).href;

type ClerkUtils = {
  encryptClerkRequestData: (data: Record<string, unknown>, keyless: Record<string, unknown>, machine?: unknown) => string;
  decryptClerkRequestData: (header: string | undefined) => Record<string, unknown>;
};

describe('Clerk request data, decrypted once per auth() (patched)', () => {
  it('answers a repeat from the memo and a new header with its own data', async () => {
    const { encryptClerkRequestData, decryptClerkRequestData } = (await import(/* @vite-ignore */ utils)) as ClerkUtils;
    const a = encryptClerkRequestData({ signInUrl: '/a', secretKey: undefined }, {});
    const b = encryptClerkRequestData({ signInUrl: '/b', secretKey: undefined }, {});
    expect(a).not.toBe(b);
    expect(decryptClerkRequestData(a)).toEqual({ signInUrl: '/a' });
    const again = decryptClerkRequestData(a);
    expect(again).toEqual({ signInUrl: '/a' });
    // A caller that changes its copy changes nobody else's.
    again.signInUrl = '/changed';
    expect(decryptClerkRequestData(a)).toEqual({ signInUrl: '/a' });
    expect(decryptClerkRequestData(b)).toEqual({ signInUrl: '/b' });
    expect(decryptClerkRequestData(a)).toEqual({ signInUrl: '/a' });
    expect(decryptClerkRequestData(undefined)).toEqual({});
  });

  it('decrypts a header once however often auth() asks for it', async () => {
    const { encryptClerkRequestData, decryptClerkRequestData } = (await import(/* @vite-ignore */ utils)) as ClerkUtils;
    const { AES } = (await import(/* @vite-ignore */ cryptoEs)) as { AES: { decrypt: (...args: unknown[]) => unknown } };
    const header = encryptClerkRequestData({ signInUrl: '/once', secretKey: undefined }, {});
    const decrypt = vi.spyOn(AES, 'decrypt');
    try {
      for (let i = 0; i < 3; i++) expect(decryptClerkRequestData(header)).toEqual({ signInUrl: '/once' });
      expect(decrypt).toHaveBeenCalledTimes(1);
    } finally {
      decrypt.mockRestore();
    }
  });

  it('is the patched file (the memo is there)', async () => {
    const fs = await import('node:fs');
    expect(fs.readFileSync(new URL(utils), 'utf8')).toContain('decryptClerkRequestDataUncached');
  });
});
