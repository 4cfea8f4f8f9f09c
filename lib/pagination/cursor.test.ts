import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageQuery, toPage } from './cursor';

const id = '3f1c2a9e-7b1d-4c55-9a8e-2f6b3f0b9d11';

describe('cursor', () => {
  it('round-trips', () => {
    const c = { createdAt: new Date('2026-11-20T10:00:00.123Z'), id };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it.each(['', 'not-base64!', Buffer.from('{"t":"x","i":"y"}').toString('base64url'), 'a'.repeat(500), Buffer.from('[]').toString('base64url')])(
    'rejects malformed cursor %#',
    (raw) => {
      expect(decodeCursor(raw)).toBeUndefined();
    },
  );

  it('pageQuery reports a bad cursor and clamps the limit', () => {
    expect(pageQuery.safeParse({ cursor: 'zzz' }).success).toBe(false);
    expect(pageQuery.safeParse({ limit: '1000' }).success).toBe(false);
    expect(pageQuery.parse({})).toEqual({ cursor: undefined, limit: 25 });
  });

  it('toPage gives a next cursor only when there is more', () => {
    const rows = [1, 2, 3].map((n) => ({ id, createdAt: new Date(n * 1000) }));
    expect(toPage(rows, 3).nextCursor).toBeNull();
    const page = toPage(rows, 2);
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor!)).toEqual({ id, createdAt: new Date(2000) });
  });
});
