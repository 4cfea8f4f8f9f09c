import 'server-only';
import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { recordAudit, type Actor } from '@/db/queries/audit';
import { listDocuments } from '@/db/queries/files';
import { packetCorrectiveActions, packetRainEvents, packetSignedInspections } from '@/db/queries/inspector-packet';
import { getProject } from '@/db/queries/projects';
import type { Tx } from '@/db/tenant';
import { PublicError } from '@/lib/api/errors';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { loadInspectionReport } from '@/lib/inspections/report/load-report';
import { renderInspectionPdf } from '@/lib/inspections/report/render-pdf';
import { sanitizeFileName } from '@/lib/storage/keys';
import { readObject } from '@/lib/storage/objects';

/** A file of the packet: bytes made in the door, or a stored object read while the zip streams. */
type Entry = { name: string; bytes: Uint8Array; recordSha256?: string } | { name: string; objectKey: string; etag: string | null };

export interface InspectorPacket {
  orgId: string;
  fileName: string;
  readme: string;
  entries: Entry[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : '');
// Spreadsheet formula injection (=, +, -, @ first): csv-stringify prefixes such cells with a quote.
const csv = (rows: Record<string, unknown>[], columns: string[]) => Buffer.from(stringify(rows, { header: true, columns, escape_formulas: true }));
const slug = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'site';

/**
 * Everything an inspector asks for on a site visit, for one project (docs/retention.md):
 * every stored SWPPP version, each signed inspection report as its PDF, the corrective-action
 * log and the rain data as CSV, and a README. Read inside the tenant door: a project of
 * another org is a 404 before anything is read. The download is audited (action `read`).
 * SWPPP bytes are read from S3 while the zip streams (the rows were checked here).
 */
export async function loadInspectorPacket(tx: Tx, ctx: TenantContext, actor: Actor, projectId: string): Promise<InspectorPacket> {
  const project = await getProject(tx, ctx.orgId, projectId);
  if (!project) throw PublicError.notFound();
  const entries: Entry[] = [];

  const swppp = (await listDocuments(tx, ctx.orgId, project.id)).filter((d) => d.kind === 'swppp');
  for (const d of swppp) entries.push({ name: `swppp/v${d.version ?? 0}-${sanitizeFileName(d.fileName)}`, objectKey: d.storageKey, etag: d.etag });

  const signed = await packetSignedInspections(tx, ctx.orgId, project.id);
  for (const i of signed) {
    const pdf = await renderInspectionPdf(await loadInspectionReport(tx, ctx, i.id));
    const day = (i.inspectedAt ?? i.signedAt!).toISOString().slice(0, 10);
    entries.push({ name: `reports/${day}-${i.type}-${i.id}.pdf`, bytes: pdf, recordSha256: i.recordSha256! });
  }

  const actions = await packetCorrectiveActions(tx, ctx.orgId, project.id);
  entries.push({
    name: 'corrective-actions.csv',
    bytes: csv(
      actions.map((a) => ({ ...a, foundAt: iso(a.foundAt), deadline: iso(a.deadline), dueAt: iso(a.dueAt), startedAt: iso(a.startedAt), fixedAt: iso(a.fixedAt), verifiedAt: iso(a.verifiedAt) })),
      ['violationId', 'violationType', 'violationDescription', 'location', 'foundAt', 'deadline', 'violationStatus', 'actionId', 'action', 'actionStatus', 'dueAt', 'startedAt', 'fixedAt', 'verifiedAt'],
    ),
  });
  const rain = await packetRainEvents(tx, ctx.orgId, project.id);
  entries.push({
    name: 'rain-data.csv',
    bytes: csv(
      rain.map((r) => ({ ...r, startedAt: iso(r.startedAt), endedAt: iso(r.endedAt) })),
      ['id', 'startedAt', 'endedAt', 'amountInches', 'snowfallInches', 'source'],
    ),
  });

  await recordAudit(tx, actor, {
    action: 'read',
    entityType: 'inspector_packet',
    entityId: project.id,
    after: { swpppVersions: swppp.length, signedReports: signed.length, correctiveActionRows: actions.length, rainRows: rain.length },
  });

  const readme = [
    `Inspector packet: ${project.name}`,
    `NPDES permit: ${project.npdesPermitId ?? 'not recorded'}; coverage ${project.permitStart ?? '?'} to ${project.permitEnd ?? 'ongoing'}`,
    `Made: ${new Date().toISOString()}`,
    '',
    'swppp/                 every stored version of the Stormwater Pollution Prevention Plan',
    'reports/               each signed inspection report (PDF); its record digest is in MANIFEST.json',
    'corrective-actions.csv every violation and its corrective actions',
    'rain-data.csv          rain gauge entries and weather-service readings',
    'MANIFEST.json          the SHA-256 of every file here, and of each signed record (the digest printed on its report)',
    '',
  ].join('\n');
  return { orgId: ctx.orgId, fileName: `inspector-packet-${slug(project.name)}.zip`, readme, entries };
}

/**
 * The packet as a zip stream: README first, the files one at a time (a SWPPP is read from S3 only
 * when its turn comes), MANIFEST.json last with the SHA-256 of each file as written.
 */
export function streamInspectorPacket(packet: InspectorPacket): ReadableStream<Uint8Array> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.on('error', (e) => out.destroy(e));
  zip.pipe(out);
  void (async () => {
    try {
      zip.append(packet.readme, { name: 'README.txt' });
      const manifest: { file: string; sha256: string; bytes: number; recordSha256?: string }[] = [];
      for (const e of packet.entries) {
        const bytes = 'bytes' in e ? e.bytes : await readObject(packet.orgId, 'documents', e.objectKey);
        if (!bytes) throw new Error(`stored SWPPP object missing: ${e.name}`);
        manifest.push({ file: e.name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, ...('recordSha256' in e && e.recordSha256 ? { recordSha256: e.recordSha256 } : {}) });
        zip.append(Buffer.from(bytes), { name: e.name });
      }
      zip.append(JSON.stringify({ files: manifest }, null, 2), { name: 'MANIFEST.json' });
      await zip.finalize();
    } catch (error) {
      out.destroy(error as Error);
      zip.abort();
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
