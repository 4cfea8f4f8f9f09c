import { describe, expect, it } from 'vitest';
import { secondFactorFresh, STEP_UP_MINUTES } from './step-up-claims';

const now = new Date('2026-12-01T12:00:00Z');
const iatNow = now.getTime() / 1000 - 5;

describe('secondFactorFresh (the fva claim)', () => {
  it('passes both factors verified just now', () => {
    expect(secondFactorFresh({ fva: [0, 0], iat: iatNow }, now)).toBe(true);
    expect(secondFactorFresh({ fva: [STEP_UP_MINUTES - 1, STEP_UP_MINUTES - 1], iat: iatNow }, now)).toBe(true);
  });

  it('refuses a session that never verified a second factor, or whose first factor is unknown', () => {
    expect(secondFactorFresh({ fva: [0, -1], iat: iatNow }, now)).toBe(false);
    expect(secondFactorFresh({ fva: [-1, 0], iat: iatNow }, now)).toBe(false);
  });

  it('refuses ages at or past the window', () => {
    expect(secondFactorFresh({ fva: [0, STEP_UP_MINUTES], iat: iatNow }, now)).toBe(false);
    expect(secondFactorFresh({ fva: [STEP_UP_MINUTES, 0], iat: iatNow }, now)).toBe(false);
  });

  it('ages the claim by the minutes since the token was issued (a local token lives for hours)', () => {
    const iat = now.getTime() / 1000 - 11 * 60;
    expect(secondFactorFresh({ fva: [0, 0], iat }, now)).toBe(false);
    expect(secondFactorFresh({ fva: [0, 0], iat: now.getTime() / 1000 - 9 * 60 }, now)).toBe(true);
  });

  it('refuses anything malformed', () => {
    for (const claims of [null, undefined, 'x', {}, { fva: [0, 0] }, { fva: [0], iat: iatNow }, { fva: ['0', '0'], iat: iatNow }, { fva: [0.5, 0], iat: iatNow }, { fva: [0, 0], iat: 'now' }]) {
      expect(secondFactorFresh(claims, now)).toBe(false);
    }
  });
});
