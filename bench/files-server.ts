/**
 * The app server's part of a photo upload, in a process of its own so the
 * bench can watch its memory: issue the presigned POST (ticket) and confirm.
 * `/proxy` is the design we did not build, for the side-by-side: the bytes
 * come through this server, which buffers each body and puts it to S3.
 * Env: DATABASE_URL and S3_* (set by bench/files.ts). Prints `READY <port>`.
 */
import http from 'node:http';
import { withTenant } from '@/db/tenant';
import { confirmPhotoUpload } from '@/lib/files/confirm-upload';
import { requestPhotoUpload } from '@/lib/files/request-upload';
import { objectKey } from '@/lib/storage/keys';
import { putObject } from '@/lib/storage/objects';

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://bench');
  const q = Object.fromEntries(url.searchParams);
  const actor = { orgId: q.org!, userId: q.user! };
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  try {
    if (url.pathname === '/ticket') {
      const ticket = await withTenant(actor, (tx) =>
        requestPhotoUpload(tx, actor, { inspectionId: q.inspection!, fileName: 'bench.jpg', contentType: 'image/jpeg', sizeBytes: Number(q.size) }),
      );
      return send(200, ticket);
    }
    if (url.pathname === '/confirm') {
      const t0 = performance.now();
      await withTenant(actor, (tx) => confirmPhotoUpload(tx, actor, q.id!));
      return send(200, { ms: performance.now() - t0 });
    }
    if (url.pathname === '/proxy') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      await putObject(actor.orgId, 'photos', objectKey(actor.orgId, 'photos', q.id!, 'proxied.jpg'), Buffer.concat(chunks), 'image/jpeg');
      return send(200, {});
    }
    send(404, {});
  } catch (error) {
    send(500, { error: String(error) });
  }
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
