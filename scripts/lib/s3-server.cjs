/**
 * The embedded S3 default: s3rver in a child process (scripts/lib/local-s3.ts
 * spawns it). s3rver 3.7 needs `node --openssl-legacy-provider`, which is why
 * it runs in a process of its own instead of inside the dev server or vitest.
 * Prints `READY <port>` on stdout once it listens.
 *
 *   node --openssl-legacy-provider scripts/lib/s3-server.cjs <dir> <port> <bucket> <allowed-origin,…>
 *
 * s3rver verifies neither signatures nor POST policies: nothing may rely on it
 * for access control (docs/storage.md). It only stores bytes.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script run by node itself
const S3rver = require('s3rver');

const [dir, port, bucket, origins] = process.argv.slice(2);
const allowed = (origins || '*')
  .split(',')
  .filter(Boolean)
  .map((o) => `<AllowedOrigin>${o}</AllowedOrigin>`)
  .join('');
// The browser uploads straight to the bucket (presigned POST) and shows images from it.
const cors = `<CORSConfiguration><CORSRule>${allowed}<AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory: dir,
  silent: true,
  configureBuckets: [{ name: bucket, configs: [cors] }],
});

server.run().then(
  (address) => {
    process.stdout.write(`READY ${address.port}\n`);
  },
  (error) => {
    process.stderr.write(`s3rver failed to start: ${error && error.message}\n`);
    process.exit(1);
  },
);

const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent went away (killed, crashed): do not linger as an orphan.
process.on('disconnect', stop);
