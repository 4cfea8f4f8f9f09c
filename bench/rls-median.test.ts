import { describe, expect, it } from 'vitest';
import { medianRun } from './rls';

describe('medianRun (which of the RLS runs is reported)', () => {
  it('takes the middle run by p50, whatever order they ran in', () => {
    const runs = [1.3, 1.01, 1.08].map((p50, i) => ({ i, rls: { p50, p99: 2 - p50 } }));
    expect(medianRun(runs).i).toBe(2);
    expect(medianRun([runs[0]!]).i).toBe(0);
    // Of an even count the lower middle: the report never picks the worst run of two.
    expect(medianRun([runs[0]!, runs[1]!]).i).toBe(1);
  });
});
