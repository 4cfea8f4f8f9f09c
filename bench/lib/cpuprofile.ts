/**
 * Reads a V8 .cpuprofile written by the profiled `next start` (bench/lib/profile-run.ts) and says
 * which libraries the server's CPU went to. Next's server bundles are hashed
 * chunks, so each frame is mapped back through the chunk's source map to its
 * original file (node_modules/@clerk/…, drizzle-orm, postgres, next, our lib/…).
 * A sample counts for a category "inclusive" when any frame of its stack
 * belongs to it, "self" for the innermost categorized frame.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

interface ProfileCategory {
  category: string;
  inclusiveMs: number;
  selfMs: number;
  /** Of the busy (non-idle) time. */
  inclusivePct: number;
  selfPct: number;
}

export interface ProfileSummary {
  wallMs: number;
  busyMs: number;
  requests: number;
  categories: ProfileCategory[];
}

const RULES: [RegExp, string][] = [
  [/[\\/]jose[\\/]|@clerk[\\/]backend[\\/].*(jwt|crypto)|runtime[\\/]node[\\/]crypto|verifyJwt|importKey/i, 'JWT verify (jose/WebCrypto in @clerk/backend)'],
  [/@clerk[\\/]/, 'Clerk (clerkMiddleware, auth())'],
  [/[\\/]proxy\.ts$|lib[\\/]auth[\\/]/, 'our auth code (proxy.ts, lib/auth)'],
  [/drizzle-orm[\\/]/, 'Drizzle'],
  [/node_modules[\\/]postgres[\\/]/, 'postgres.js'],
  [/[\\/]zod[\\/]/, 'zod'],
  [/react-dom|react-server-dom|[\\/]react[\\/]/, 'React / RSC'],
  [/next[\\/]dist|[\\/]next[\\/]/, 'Next.js server'],
  [/^(?!.*node_modules).*[\\/](app|lib|db|components)[\\/]/, 'our app code (app, lib, db)'],
];

/** Source-map paths are URL-encoded (`node_modules/%40clerk/…`): decoded first, or no @clerk rule matches. */
export function classify(rawSource: string, fn: string): string | null {
  let source = rawSource;
  try {
    source = decodeURIComponent(rawSource);
  } catch {
    // A stray '%' that is not an escape: classify the path as written.
  }
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return 'V8/native (program)';
  if (!source) {
    if (/^(stringify|parse)$/.test(fn)) return 'JSON (native)';
    return null;
  }
  for (const [re, name] of RULES) if (re.test(source)) return name;
  if (/^node:/.test(source)) return 'Node.js internals (http, streams, crypto)';
  return null;
}

export function summarizeProfile(file: string, requests: number): ProfileSummary {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const maps = new Map<string, TraceMap | null>();
  const mapFor = (url: string) => {
    if (!maps.has(url)) {
      let tm: TraceMap | null = null;
      try {
        const path = url.startsWith('file:') ? fileURLToPath(url) : url;
        if (path.startsWith('/') && fs.existsSync(`${path}.map`)) tm = new TraceMap(fs.readFileSync(`${path}.map`, 'utf8'));
      } catch {
        tm = null;
      }
      maps.set(url, tm);
    }
    return maps.get(url)!;
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const cat = new Map<number, string | null>();
  const catOf = (id: number) => {
    if (!cat.has(id)) {
      const f = byId.get(id)!.callFrame;
      let source = f.url;
      const tm = f.url ? mapFor(f.url) : null;
      if (tm) {
        const o = originalPositionFor(tm, { line: f.lineNumber + 1, column: Math.max(0, f.columnNumber) });
        if (o.source) source = o.source;
      }
      cat.set(id, classify(source, f.functionName));
    }
    return cat.get(id)!;
  };
  const incl = new Map<string, number>();
  const self = new Map<string, number>();
  let total = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    const seen = new Set<string>();
    let innermost: string | null = null;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const c = catOf(n);
      if (!c) continue;
      innermost ??= c;
      seen.add(c);
    }
    if (innermost === 'idle') {
      idle += dt;
      return;
    }
    for (const c of seen) incl.set(c, (incl.get(c) ?? 0) + dt);
    const s = innermost ?? 'other';
    self.set(s, (self.get(s) ?? 0) + dt);
  });
  const busy = total - idle;
  const names = new Set([...incl.keys(), ...self.keys()]);
  names.delete('idle');
  const categories = [...names]
    .map((c) => ({
      category: c,
      inclusiveMs: incl.get(c) ?? 0,
      selfMs: self.get(c) ?? 0,
      inclusivePct: (100 * (incl.get(c) ?? 0)) / busy,
      selfPct: (100 * (self.get(c) ?? 0)) / busy,
    }))
    .sort((a, b) => b.inclusiveMs - a.inclusiveMs);
  return { wallMs: total, busyMs: busy, requests, categories };
}

export interface ProfileDifference {
  /** Busy CPU ms per request of each side; `overMs` = route − floor. */
  routeMs: number;
  floorMs: number;
  overMs: number;
  /** Self ms per request by category, largest difference first. Self times add up to the busy time, so the rows sum to `overMs`. */
  rows: { category: string; routeMs: number; floorMs: number; overMs: number }[];
}

/** Where a route's CPU per request goes beyond a floor route's (both profiled under the same load): self time by category. */
export function profileDifference(route: ProfileSummary, floor: ProfileSummary): ProfileDifference {
  const per = (p: ProfileSummary, c: string) => (p.categories.find((x) => x.category === c)?.selfMs ?? 0) / p.requests;
  const names = new Set([...route.categories, ...floor.categories].map((c) => c.category));
  const rows = [...names]
    .map((category) => ({ category, routeMs: per(route, category), floorMs: per(floor, category), overMs: per(route, category) - per(floor, category) }))
    .sort((a, b) => b.overMs - a.overMs);
  const routeMs = route.busyMs / route.requests;
  const floorMs = floor.busyMs / floor.requests;
  return { routeMs, floorMs, overMs: routeMs - floorMs, rows };
}
