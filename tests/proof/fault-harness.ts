/**
 * The fault harness: a dependency is taken away under load and brought back.
 * Each dependency is one entry (PostgreSQL, Redis; S3 joins with the file
 * feature). For every entry:
 *   - during the outage every answer is what the entry promises: a clear 503
 *     for a service the request can't do without (PostgreSQL), a normal 200
 *     for one it can (Redis: the cache is bypassed) — never a 500, never a hang,
 *   - afterwards the app serves again by itself (no restart),
 *   - and the entry's consistency check holds (nothing half-written).
 */
export interface FaultEntry {
  name: string;
  /** What the outage may answer: 'unavailable' (503s expected) or 'served' (every answer a 200). */
  during?: 'unavailable' | 'served';
  /** One request through the app that depends on this service. */
  request(): Promise<Response>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Throws if the outage left anything half-done; gets the count of 200s seen. */
  verifyConsistency(okCount: number): Promise<void>;
}

export interface FaultRun {
  statuses: number[];
  unavailableBodies: string[];
  recovered: boolean;
}

export async function runFault(
  entry: FaultEntry,
  opts: { warmup?: number; rounds?: number; parallel?: number; roundsDuring?: number } = {},
): Promise<FaultRun> {
  const statuses: number[] = [];
  const unavailableBodies: string[] = [];
  const fire = async () => {
    const res = await entry.request();
    statuses.push(res.status);
    if (res.status !== 200) unavailableBodies.push(await res.text());
  };
  await Promise.all(Array.from({ length: opts.warmup ?? 20 }, fire));
  // The load lasts until the outage has begun and then some: a fixed number of rounds once
  // ended before a slow stop did (s3rver closes gracefully, keep-alive sockets still served
  // under load), and the run saw no outage at all.
  let stopped = false;
  let markStopped!: () => void;
  const outage = new Promise<void>((r) => (markStopped = r));
  const load = (async () => {
    let during = 0;
    for (let i = 0; i < (opts.rounds ?? 15) || during < (opts.roundsDuring ?? 2); i++) {
      if (i >= (opts.rounds ?? 15)) await outage; // no requests spent waiting for the stop
      if (stopped) during++;
      await Promise.all(Array.from({ length: opts.parallel ?? 2 }, fire));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await new Promise((r) => setTimeout(r, 60));
  await entry.stop();
  stopped = true;
  markStopped();
  await load;
  await entry.restart();
  let recovered = false;
  for (let i = 0; i < 50 && !recovered; i++) {
    const res = await entry.request();
    statuses.push(res.status);
    recovered = res.status === 200;
    if (!recovered) await new Promise((r) => setTimeout(r, 100));
  }
  await entry.verifyConsistency(statuses.filter((s) => s === 200).length);
  return { statuses, unavailableBodies, recovered };
}
