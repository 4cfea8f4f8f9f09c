import 'server-only';
import { listMembers } from '@/db/queries/audit';
import { listDocuments, storageBytes } from '@/db/queries/files';
import { withTenantRead } from '@/db/tenant';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';

interface DocumentVersion {
  id: string;
  version: number;
  fileName: string;
  sizeBytes: number;
  uploadedBy: string;
  storedAt: Date;
  href: string;
}

export interface DocumentSeries {
  kind: 'swppp' | 'permit' | 'report' | 'other';
  title: string;
  /** Newest first. */
  versions: DocumentVersion[];
}

/** A project's documents as series of versions, who uploaded each, and the org's storage use. */
export async function loadProjectDocuments(ctx: TenantContext, projectId: string) {
  return withTenantRead(ctx, async (tx) => {
    const rows = await listDocuments(tx, ctx.orgId, projectId);
    const names = new Map((await listMembers(tx, ctx.orgId)).map((m) => [m.userId, m.name]));
    const usage = await storageBytes(tx, ctx.orgId);
    const series = new Map<string, DocumentSeries>();
    for (const d of rows) {
      const key = `${d.kind}\u0000${d.title}`;
      const s = series.get(key) ?? { kind: d.kind as DocumentSeries['kind'], title: d.title, versions: [] };
      s.versions.push({
        id: d.id,
        version: d.version ?? 1,
        fileName: d.fileName,
        sizeBytes: d.sizeBytes ?? 0,
        uploadedBy: names.get(d.uploadedBy) ?? d.uploadedBy,
        storedAt: d.storedAt ?? d.createdAt,
        href: `/api/v1/documents/${d.id}/file`,
      });
      series.set(key, s);
    }
    return { series: [...series.values()], usage, canUpload: hasPermission(ctx, 'org:projects:write') };
  });
}
