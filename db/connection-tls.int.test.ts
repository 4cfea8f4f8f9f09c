/**
 * TLS to a managed PostgreSQL, proven against real servers: a throw-away
 * embedded PostgreSQL serving TLS with certificates from a test CA (openssl),
 * and the run's plaintext test server. `verify-full` connects with the right CA
 * and refuses a wrong CA, Node's own bundle and a wrong host name; `require`
 * encrypts without checking and refuses a server that does not speak TLS.
 * Each refusal has a control showing it is the check that refuses (the same
 * connection succeeds with only that check turned off).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@/scripts/lib/embedded-postgres';
import { openPool, type TlsSettings } from './connection';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'brave-tls-'));
const file = (name: string) => path.join(work, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });

function makeCa(name: string) {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2', '-subj', `/CN=${name}`,
    '-keyout', file(`${name}.key`), '-out', file(`${name}.crt`));
}

/** A server certificate signed by `ca` for the given subjectAltName (e.g. "IP:127.0.0.1"). */
function makeServerCert(name: string, ca: string, san: string) {
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`));
  fs.writeFileSync(file(`${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
  openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.crt`), '-CAkey', file(`${ca}.key`), '-CAcreateserial',
    '-days', '2', '-sha256', '-extfile', file(`${name}.ext`), '-out', file(`${name}.crt`));
  return { cert: fs.readFileSync(file(`${name}.crt`), 'utf8'), key: fs.readFileSync(file(`${name}.key`), 'utf8') };
}

const pools: postgres.Sql[] = [];

/** Connect with `tls` (or a raw postgres.js ssl option) and report whether the session is encrypted. */
async function connect(url: string, tls: TlsSettings | { raw: postgres.Options<Record<string, postgres.PostgresType>>['ssl'] }) {
  const pool = 'raw' in tls ? postgres(url, { max: 1, ssl: tls.raw, onnotice: () => {} }) : openPool(url, { max: 1, tls });
  pools.push(pool);
  const [row] = await pool<{ ssl: boolean }[]>`select ssl from pg_stat_ssl where pid = pg_backend_pid()`;
  return row!.ssl;
}

const dir = file('pg');
let server: EmbeddedPostgres | undefined;
let url: string;

async function serve(cert: { cert: string; key: string }) {
  await server?.stop();
  server = await startEmbeddedPostgres({ dir, port: 0, ephemeral: true, tls: cert, log: () => {} });
  url = server.superuserUrl();
}

let good: { cert: string; key: string };
let wrongName: { cert: string; key: string };

beforeAll(async () => {
  makeCa('ca-right');
  makeCa('ca-wrong');
  good = makeServerCert('server-good', 'ca-right', 'IP:127.0.0.1');
  wrongName = makeServerCert('server-elsewhere', 'ca-right', 'DNS:db.elsewhere.example');
  await serve(good);
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end({ timeout: 1 })));
  await server?.stop({ removeData: true });
  fs.rmSync(work, { recursive: true, force: true });
});

describe('DATABASE_SSL=verify-full', () => {
  it('connects, encrypted, with the CA that signed the server certificate', async () => {
    expect(await connect(url, { mode: 'verify-full', caFile: file('ca-right.crt') })).toBe(true);
  });

  it('refuses a certificate from another CA', async () => {
    await expect(connect(url, { mode: 'verify-full', caFile: file('ca-wrong.crt') })).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/),
    });
  });

  it("refuses a private CA that is not in Node's bundle when no CA file is given", async () => {
    await expect(connect(url, { mode: 'verify-full' })).rejects.toMatchObject({
      code: expect.stringMatching(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/),
    });
  });

  it('control: the wrong CA connects once chain verification is off (so the refusal above is the chain check)', async () => {
    expect(await connect(url, { raw: { ca: fs.readFileSync(file('ca-wrong.crt'), 'utf8'), rejectUnauthorized: false } })).toBe(true);
  });

  describe('a server whose certificate names another host', () => {
    beforeAll(() => serve(wrongName), 60_000);
    afterAll(() => serve(good), 60_000);

    it('refuses it even though the right CA signed it', async () => {
      await expect(connect(url, { mode: 'verify-full', caFile: file('ca-right.crt') })).rejects.toMatchObject({
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      });
    });

    it('control: the same connection succeeds with only the host-name check turned off', async () => {
      const ca = fs.readFileSync(file('ca-right.crt'), 'utf8');
      expect(await connect(url, { raw: { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined } })).toBe(true);
    });
  });
});

describe('DATABASE_SSL=require', () => {
  it('encrypts without checking the certificate', async () => {
    expect(await connect(url, { mode: 'require' })).toBe(true);
  });

  it('refuses a server that does not speak TLS', async () => {
    const plaintext = inject('database').superuserUrl;
    await expect(connect(plaintext, { mode: 'require' })).rejects.toThrow();
    await expect(connect(plaintext, { mode: 'verify-full', caFile: file('ca-right.crt') })).rejects.toThrow();
  });

  it('control: the same plaintext server accepts an unencrypted connection', async () => {
    expect(await connect(inject('database').superuserUrl, { mode: 'disable' })).toBe(false);
  });
});
