/**
 * A small closed-loop HTTP load generator (keep-alive, N connections, each
 * sending its next request when the previous answer is complete), used
 * instead of autocannon so two targets can be driven in alternating slices
 * (A, B, A, B …) with identical settings: on a shared 2-core machine,
 * background load then lands on both sides alike.
 */
import http from 'node:http';
import { summarize, type Summary } from './stats';

export interface LoadTarget {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** Status every answer must have; anything else counts as an error. */
  status?: number;
}

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  latency: Summary;
  bytes: number;
  /** CPU ms per request of each metered process tree while this target was loaded (see lib/cpu.ts). */
  cpuPerRequest?: Record<string, number>;
}

/** Cumulative CPU ms of something (a process tree), read before and after each slice. */
export type CpuMeters = Record<string, () => number>;

function once(agent: http.Agent, t: LoadTarget): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(t.url, { agent, headers: t.headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function slice(
  agent: http.Agent,
  t: LoadTarget,
  connections: number,
  ms: number,
  into: { lat: number[]; errors: number; bytes: number; requests: number },
) {
  const end = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      try {
        const r = await once(agent, t);
        if (r.status !== (t.status ?? 200)) into.errors++;
        into.bytes += r.bytes;
      } catch {
        into.errors++;
      }
      into.lat.push(performance.now() - start);
      into.requests++;
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  return performance.now() - began;
}

/** Drive the targets in alternating slices; each gets `seconds` of load in all, after `warmupSeconds`. */
export async function alternate(
  targets: LoadTarget[],
  o: { connections: number; seconds: number; sliceSeconds: number; warmupSeconds: number },
  meters: CpuMeters = {},
): Promise<LoadResult[]> {
  const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: o.connections }));
  const acc = targets.map(() => ({ lat: [] as number[], errors: 0, bytes: 0, requests: 0, ms: 0, cpu: {} as Record<string, number> }));
  const read = () => Object.fromEntries(Object.entries(meters).map(([k, f]) => [k, f()]));
  try {
    for (let i = 0; i < targets.length; i++) {
      await slice(agents[i]!, targets[i]!, o.connections, o.warmupSeconds * 1000, {
        lat: [],
        errors: 0,
        bytes: 0,
        requests: 0,
      });
    }
    const slices = Math.max(1, Math.round(o.seconds / o.sliceSeconds));
    for (let s = 0; s < slices; s++) {
      for (let k = 0; k < targets.length; k++) {
        const i = (s + k) % targets.length;
        const before = read();
        acc[i]!.ms += await slice(agents[i]!, targets[i]!, o.connections, (o.seconds / slices) * 1000, acc[i]!);
        const after = read();
        for (const m of Object.keys(meters)) acc[i]!.cpu[m] = (acc[i]!.cpu[m] ?? 0) + (after[m]! - before[m]!);
      }
    }
  } finally {
    agents.forEach((a) => a.destroy());
  }
  return targets.map((t, i) => {
    const a = acc[i]!;
    return {
      name: t.name,
      requests: a.requests,
      errors: a.errors,
      seconds: a.ms / 1000,
      rps: a.requests / (a.ms / 1000),
      latency: summarize(a.lat),
      bytes: a.bytes,
      ...(Object.keys(meters).length
        ? { cpuPerRequest: Object.fromEntries(Object.entries(a.cpu).map(([k, v]) => [k, v / Math.max(1, a.requests)])) }
        : {}),
    };
  });
}
