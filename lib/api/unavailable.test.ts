import { describe, expect, it } from 'vitest';
import { errorResponse, PublicError } from './errors';
import { isDatabaseUnavailable } from './unavailable';

const pgError = (code: string) => Object.assign(new Error(code), { code });

describe('database outage errors', () => {
  it.each(['ECONNREFUSED', 'CONNECTION_CLOSED', 'CONNECT_TIMEOUT', '57P01', '57P03', '08006'])('%s is an outage, even wrapped by Drizzle', (code) => {
    expect(isDatabaseUnavailable(pgError(code))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: pgError(code) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError(code)]))).toBe(true);
  });

  it.each(['23505', '42501', '22P02', undefined])('%s is not', (code) => {
    expect(isDatabaseUnavailable(code ? pgError(code) : new Error('boom'))).toBe(false);
  });

  it('a data exception (NUL in text, number out of range) is a 400, not a 500', async () => {
    const nul = new Error('Failed query', { cause: pgError('22021') });
    const res = errorResponse(nul);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(errorResponse(pgError('22003')).status).toBe(400);
    expect(errorResponse(pgError('23505')).status).toBe(500);
  });

  it('maps to 503 with Retry-After; a bug stays a generic 500; a PublicError keeps its status', async () => {
    const down = errorResponse(pgError('ECONNREFUSED'));
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    const bug = errorResponse(new TypeError('x is undefined'));
    expect(bug.status).toBe(500);
    expect(JSON.stringify(await bug.json())).not.toContain('undefined');
    expect(errorResponse(PublicError.notFound()).status).toBe(404);
  });
});
