/**
 * CPU time of process trees, from /proc (Linux), so the HTTP part can say
 * where each request's CPU goes: the server under test, PostgreSQL, the load
 * generator. On 2 shared cores throughput is CPU per request, whatever the
 * wall clock says. Elsewhere the meters read NaN and the report says so.
 */
import fs from 'node:fs';
import postgres from 'postgres';

const TICK_MS = 10; // USER_HZ is 100 on every Linux we run on

function stats(): Map<number, { ppid: number; ms: number }> {
  const out = new Map<number, { ppid: number; ms: number }>();
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return out;
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    try {
      const s = fs.readFileSync(`/proc/${n}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      out.set(Number(n), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** CPU ms used so far by `pid` and its living descendants (children that exited are counted in cutime, not here). */
export function treeCpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const all = stats();
  if (!all.has(pid)) return Number.NaN;
  const kids = new Map<number, number[]>();
  for (const [p, s] of all) kids.set(s.ppid, [...(kids.get(s.ppid) ?? []), p]);
  let ms = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    ms += all.get(p)?.ms ?? 0;
    stack.push(...(kids.get(p) ?? []));
  }
  return ms;
}

/** This process (the load generator). */
export const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The postmaster of the cluster behind `url`: the parent of one of its backends. */
export async function postmasterPid(url: string): Promise<number | undefined> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    return stats().get(row!.pid)?.ppid;
  } catch {
    return undefined;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
