/**
 * Latency statistics and the interleaved A/B sampler every part of the bench
 * uses. The machine is shared (2 cores, other builds running): running all of
 * A and then all of B would let background load land on one side only, so
 * each iteration runs every variant once, in an order rotated per iteration.
 */

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  // Nearest-rank: the smallest sample with at least p % of samples at or below it.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), mean };
}

/** A ratio of two summaries (variant / baseline) at p50 and p99. */
export interface Ratio {
  p50: number;
  p99: number;
}

export const ratio = (a: Summary, base: Summary): Ratio => ({ p50: a.p50 / base.p50, p99: a.p99 / base.p99 });

export interface Variant<T> {
  name: string;
  run: (target: T) => Promise<unknown>;
}

export interface SampleOptions<T> {
  warmup: number;
  samples: number;
  /** The target of iteration i (every variant gets the same one). */
  pick: (i: number) => T;
  /** Called with each variant's result, e.g. to check it returned the right row. */
  check?: (variant: number, target: T, result: unknown) => void;
}

/** Milliseconds per call of each variant, interleaved (see the file comment). */
export async function sampleInterleaved<T>(variants: Variant<T>[], o: SampleOptions<T>): Promise<Summary[]> {
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < o.warmup + o.samples; i++) {
    const target = o.pick(i);
    for (let k = 0; k < variants.length; k++) {
      const v = (i + k) % variants.length;
      const start = process.hrtime.bigint();
      const result = await variants[v]!.run(target);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      o.check?.(v, target, result);
      if (i >= o.warmup) samples[v]!.push(ms);
    }
  }
  return samples.map(summarize);
}

/** Deterministic PRNG (mulberry32) so two runs pick the same targets. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf(s) weights over ranks 1..n, normalized to sum 1. */
export function zipfWeights(n: number, s = 1): number[] {
  const w = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** A sampler of indexes 0..n-1 distributed by `weights`. */
export function weightedPicker(weights: number[], random: () => number) {
  const cdf: number[] = [];
  let acc = 0;
  for (const w of weights) cdf.push((acc += w));
  return () => {
    const x = random() * acc;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
