import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The signed record of an inspection and its SHA-256 (docs/inspection-report.md).
 *
 * The record is the inspections row as it stands once signed — the columns
 * drizzle/0004's trigger freezes — minus what may still change (`status`
 * moves submitted → published, `updated_at`) and minus the hash itself. It is
 * serialized as RFC 8785 canonical JSON (keys sorted, no whitespace, one
 * spelling per value) so anyone holding the fields can recompute the hash:
 * timestamps as ISO 8601 UTC with milliseconds, the rain gauge as the decimal
 * text PostgreSQL stores (`"0.30"`), absent values as `null`, BMP results as
 * stored (their objects' keys sorted too). `v` names the layout: a change to
 * it is a new version, never a silent re-interpretation of old hashes.
 *
 * Layouts: 1 — the fields below without the signer's title and
 * qualifications (records sealed before layout 2 keep verifying under it);
 * 2 — plus `signatureTitle` and `signatureQualifications`. The layout a digest
 * was taken under is stored next to it (`inspections.record_hash_version`).
 */
export const RECORD_HASH_VERSION = 2;
export type RecordHashVersion = 1 | 2;

/** The columns of an inspection the record covers (a row from db/queries/inspections satisfies it). */
export interface SignedRecordSource {
  id: string;
  organizationId: string;
  projectId: string;
  type: string;
  inspectedAt: Date | null;
  inspectorUserId: string | null;
  inspectorName: string | null;
  inspectorTitle: string | null;
  bmpResults: unknown;
  findings: string | null;
  rainGaugeInches: string | null;
  areasNotInspected: string | null;
  signedBy: string | null;
  signedAt: Date | null;
  signatureName: string | null;
  signatureStatement: string | null;
  signatureTitle: string | null;
  signatureQualifications: string | null;
  amendsInspectionId: string | null;
  revision: number;
  /** The layout the stored digest was taken under; absent = the current one. */
  recordHashVersion?: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The layout of a stored row: its recorded version, else the current one; an unknown one is an error, never a guess. */
function layoutOf(i: Pick<SignedRecordSource, 'id' | 'recordHashVersion'>): RecordHashVersion {
  const v = i.recordHashVersion ?? RECORD_HASH_VERSION;
  if (v !== 1 && v !== 2) throw new Error(`inspection ${i.id}: unknown record hash layout ${v}`);
  return v;
}

/**
 * The canonical text that is hashed, in `version`'s layout (by default the
 * row's own). Throws for an unsigned inspection: there is no signed record yet.
 */
export function canonicalRecord(i: SignedRecordSource, version: RecordHashVersion = layoutOf(i)): string {
  if (!i.signedAt || !i.signedBy) throw new Error(`inspection ${i.id} is not signed: it has no signed record`);
  const signer = version >= 2 ? { signatureTitle: i.signatureTitle, signatureQualifications: i.signatureQualifications } : {};
  const text = canonicalize({
    v: version,
    id: i.id,
    organizationId: i.organizationId,
    projectId: i.projectId,
    type: i.type,
    inspectedAt: iso(i.inspectedAt),
    inspectorUserId: i.inspectorUserId,
    inspectorName: i.inspectorName,
    inspectorTitle: i.inspectorTitle,
    bmpResults: i.bmpResults ?? [],
    findings: i.findings,
    rainGaugeInches: i.rainGaugeInches,
    areasNotInspected: i.areasNotInspected,
    signedBy: i.signedBy,
    signedAt: iso(i.signedAt),
    signatureName: i.signatureName,
    signatureStatement: i.signatureStatement,
    ...signer,
    amendsInspectionId: i.amendsInspectionId,
    revision: i.revision,
  });
  if (text === undefined) throw new Error(`inspection ${i.id}: record is not serializable`);
  return text;
}

/** Lowercase hex SHA-256 of the canonical record's UTF-8 bytes, in `version`'s layout (by default the row's own). */
export function recordSha256(i: SignedRecordSource, version: RecordHashVersion = layoutOf(i)): string {
  return createHash('sha256').update(canonicalRecord(i, version), 'utf8').digest('hex');
}

/** "3f2a…9c01" as four-character groups, so a person can compare a printed hash by eye. */
export function groupedHash(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
