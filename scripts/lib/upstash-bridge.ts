/**
 * An Upstash-REST-compatible HTTP front for a real redis-server, for tests,
 * the bench and local runs — never part of the app (the app talks REST to
 * whatever UPSTASH_REDIS_REST_URL names; ESLint keeps scripts/ out of app code).
 * No npm emulator of Upstash's REST API exists; this covers what
 * @upstash/redis and @upstash/ratelimit send:
 *   - POST /            one command as a JSON array      → { result } | { error }
 *   - POST /pipeline    an array of commands             → [{ result } | { error }, …]
 *   - POST /multi-exec  the same, in MULTI/EXEC          → [{ result } | { error }, …]
 *   - arguments arrive as JSON strings, numbers or booleans;
 *   - with `Upstash-Encoding: base64` every string result is base64 except "OK"
 *     (the client decodes every string but "OK");
 *   - @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`,
 *     a flag Redis 7.0 rejects: unknown flags are stripped and the client's
 *     script SHA (of the original text) is mapped to the SHA Redis knows.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';

export interface UpstashBridge {
  url: string;
  token: string;
  /** Answer every request this much later (a slow Redis, for the timeout tests). */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** Flags Redis 7.0 accepts in a `#!lua` shebang. */
const KNOWN_FLAGS = new Set(['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys']);

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

function stripUnknownFlags(script: string): string {
  const m = /^#!lua([^\n]*)\n/.exec(script);
  if (!m) return script;
  const flags = /flags=([^\s]*)/.exec(m[1]!)?.[1]?.split(',').filter((f) => KNOWN_FLAGS.has(f)) ?? [];
  return `#!lua${flags.length ? ` flags=${flags.join(',')}` : ''}\n${script.slice(m[0].length)}`;
}

type Json = string | number | null | Json[];

function encodeReply(reply: unknown, base64: boolean): Json {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === 'number') return reply;
  if (Buffer.isBuffer(reply)) {
    const text = reply.toString('utf8');
    return !base64 || text === 'OK' ? text : reply.toString('base64');
  }
  if (typeof reply === 'string') return !base64 || reply === 'OK' ? reply : Buffer.from(reply).toString('base64');
  if (Array.isArray(reply)) return reply.map((r) => encodeReply(r, base64));
  return String(reply);
}

export async function startUpstashBridge(opts: { redisUrl: string; token?: string; port?: number }): Promise<UpstashBridge> {
  const token = opts.token ?? `bridge-${Math.random().toString(36).slice(2)}`;
  const redis = new Redis(opts.redisUrl, {
    lazyConnect: false,
    enableOfflineQueue: false, // Redis down ⇒ fail now, as an unreachable Upstash would
    maxRetriesPerRequest: 0,
    retryStrategy: () => 100,
  });
  redis.on('error', () => {}); // reconnects by itself; each failed command answers an error
  if (redis.status !== 'ready') await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  const shaMap = new Map<string, string>();
  let delayMs = 0;

  function rewrite(command: string[]): string[] {
    const [name, ...rest] = command;
    const upper = name!.toUpperCase();
    if ((upper === 'EVAL' || upper === 'EVAL_RO') && rest[0] !== undefined) {
      const stripped = stripUnknownFlags(rest[0]);
      shaMap.set(sha1(rest[0]), sha1(stripped));
      return [upper, stripped, ...rest.slice(1)];
    }
    if ((upper === 'EVALSHA' || upper === 'EVALSHA_RO') && rest[0] !== undefined) {
      return [upper, shaMap.get(rest[0].toLowerCase()) ?? rest[0], ...rest.slice(1)];
    }
    return [upper, ...rest];
  }

  async function run(command: string[]): Promise<unknown> {
    const [name, ...args] = rewrite(command);
    if (name === 'SCRIPT' && args[0]?.toUpperCase() === 'LOAD' && args[1] !== undefined) {
      const original = args[1];
      const stripped = stripUnknownFlags(original);
      await redis.script('LOAD', stripped);
      shaMap.set(sha1(original), sha1(stripped));
      return sha1(original); // the SHA the client computed and will EVALSHA with
    }
    return redis.callBuffer(name!, ...args);
  }

  const toArgs = (cmd: unknown): string[] => {
    if (!Array.isArray(cmd) || cmd.length === 0) throw new Error('ERR a command is a non-empty JSON array');
    return cmd.map((a) => (typeof a === 'string' ? a : typeof a === 'number' || typeof a === 'boolean' ? String(a) : JSON.stringify(a)));
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'Unauthorized' });
      const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
      const error = (e: unknown) => ({ error: (e as Error).message });
      try {
        const parsed = JSON.parse(body || 'null') as unknown;
        const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '');
        if (path === '/pipeline' || path === '/multi-exec') {
          if (!Array.isArray(parsed)) return send(400, { error: 'ERR expected an array of commands' });
          const commands = parsed.map(toArgs);
          if (path === '/pipeline') {
            const out = [];
            for (const c of commands) {
              try {
                out.push({ result: encodeReply(await run(c), base64) });
              } catch (e) {
                out.push(error(e));
              }
            }
            return send(200, out);
          }
          const multi = redis.multi();
          for (const c of commands) {
            const [name, ...args] = rewrite(c);
            multi.callBuffer(name!, ...args);
          }
          const results = (await multi.exec()) ?? [];
          return send(
            200,
            results.map(([e, r]) => (e ? error(e) : { result: encodeReply(r, base64) })),
          );
        }
        try {
          return send(200, { result: encodeReply(await run(toArgs(parsed)), base64) });
        } catch (e) {
          return send(400, error(e));
        }
      } catch (e) {
        return send(500, error(e));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    setDelay(ms) {
      delayMs = ms;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}
