/**
 * A local stand-in for the Open-Meteo forecast API, so development and the
 * tests never reach the network (WEATHER_API_URL points here). It serves
 * recorded Open-Meteo answers (scripts/fixtures/open-meteo/*.json); the tests
 * choose the answer, or an outage, a hang or a malformed body, per request.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export type FixtureAnswer =
  | { kind: 'recorded'; name: string }
  | { kind: 'status'; status: number }
  | { kind: 'hang'; ms: number; then?: FixtureAnswer }
  | { kind: 'raw'; body: string };

export interface WeatherFixtureServer {
  /** The forecast endpoint, for WEATHER_API_URL. */
  url: string;
  /** Every request received, in order. */
  requests: URL[];
  /** What the next requests are answered with (default: `recorded` of the start option). */
  answer(a: FixtureAnswer | ((url: URL) => FixtureAnswer)): void;
  stop(): Promise<void>;
}

const DIR = path.join(import.meta.dirname, '..', 'fixtures', 'open-meteo');

export function recordedAnswer(name: string): Record<string, unknown> & { daily: { time: string[] } } {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad fixture name ${name}`);
  return JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8'));
}

/**
 * A recorded answer moved onto the days the request asks for (the last
 * `past_days` days and today in the requested zone), for `npm run dev`:
 * the recorded values, today's dates.
 */
function shifted(name: string, url: URL): Record<string, unknown> {
  const rec = recordedAnswer(name);
  const zone = url.searchParams.get('timezone') ?? 'UTC';
  const past = Math.min(Number(url.searchParams.get('past_days') ?? 0), 30);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const days = Array.from({ length: past + 1 }, (_, i) => new Date(Date.parse(`${today}T00:00:00Z`) - (past - i) * 86_400_000).toISOString().slice(0, 10));
  const daily = rec.daily as unknown as Record<string, (number | null)[] | undefined>;
  // The recorded days, last one on today; earlier requested days the recording lacks are dry.
  const pick = (key: string) => {
    const values = daily[key] ?? [];
    return days.map((_, i) => values[values.length - days.length + i] ?? 0);
  };
  return { ...rec, latitude: Number(url.searchParams.get('latitude')), longitude: Number(url.searchParams.get('longitude')), timezone: zone, daily: { time: days, precipitation_sum: pick('precipitation_sum'), snowfall_sum: pick('snowfall_sum') } };
}

export async function startWeatherFixture(opts: { port?: number; recorded?: string; shiftToToday?: boolean } = {}): Promise<WeatherFixtureServer> {
  const requests: URL[] = [];
  let choose: (url: URL) => FixtureAnswer = () => ({ kind: 'recorded', name: opts.recorded ?? 'storm-030' });
  const open = new Set<http.ServerResponse>();
  const reply = (res: http.ServerResponse, url: URL, a: FixtureAnswer) => {
    if (res.destroyed) return;
    if (a.kind === 'status') return void res.writeHead(a.status, { 'content-type': 'application/json' }).end('{"error":true,"reason":"fixture outage"}');
    if (a.kind === 'raw') return void res.writeHead(200, { 'content-type': 'application/json' }).end(a.body);
    if (a.kind === 'hang') {
      const t = setTimeout(() => (a.then ? reply(res, url, a.then) : res.destroy()), a.ms);
      res.on('close', () => clearTimeout(t));
      return;
    }
    const body = opts.shiftToToday ? shifted(a.name, url) : recordedAnswer(a.name);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture.local');
    open.add(res);
    res.on('close', () => open.delete(res));
    if (url.pathname !== '/v1/forecast') return void res.writeHead(404).end();
    requests.push(url);
    reply(res, url, choose(url));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/forecast`,
    requests,
    answer(a) {
      choose = typeof a === 'function' ? a : () => a;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.close(() => resolve());
      }),
  };
}
