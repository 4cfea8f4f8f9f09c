import 'server-only';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { inspectorScope, publicReadPolicy, tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg } from './organizations';
import { projects } from './projects';
import { formTemplates } from './settings';

/** OSHA safety checklists share the inspection lifecycle but are not stormwater inspections (no CGP schedule, no public page). */
export const OSHA_INSPECTION_TYPE_VALUES = ['osha_daily', 'osha_weekly'] as const;
export const inspectionTypeEnum = pgEnum('inspection_type', [
  'routine',
  'storm_event',
  'corrective_follow_up',
  'final',
  ...OSHA_INSPECTION_TYPE_VALUES,
]);
export const inspectionStatusEnum = pgEnum('inspection_status', ['draft', 'submitted', 'published']);
export const submissionStatusEnum = pgEnum('submission_status', ['draft', 'submitted']);

export const inspections = pgTable(
  'inspections',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    type: inspectionTypeEnum().notNull().default('routine'),
    status: inspectionStatusEnum().notNull().default('draft'),
    inspectedAt: timestamp({ withTimezone: true, precision: 3 }),
    inspectorUserId: text(),
    inspectorName: text(),
    inspectorTitle: text(),
    /** BMP checklist results: [{ bmpCategoryKey, item, result: 'pass'|'fail'|'na', note }]. */
    bmpResults: jsonb().notNull().default([]),
    findings: text(),
    rainGaugeInches: numeric({ precision: 5, scale: 2 }),
    areasNotInspected: text(),
    /** Certification: once signed, the row is immutable; changes become an amendment row. */
    signedBy: text(),
    signedAt: timestamp({ withTimezone: true, precision: 3 }),
    signatureName: text(),
    signatureStatement: text(),
    /** The signer's title (the performer's is inspectorTitle: they may be two people). */
    signatureTitle: text(),
    /** The signer's qualifications as the CGP's "qualified person" (Part 4.1.1): training, certification, number. */
    signatureQualifications: text(),
    /** A reviewer sent the submitted report back to its author (status back to draft) with this comment. */
    returnedAt: timestamp({ withTimezone: true, precision: 3 }),
    returnedBy: text(),
    returnComment: text(),
    /**
     * SHA-256 (hex) of the signed record's canonical serialization
     * (lib/inspections/record-hash.ts), set in the signing transaction; the
     * trigger of drizzle/0016 lets it go from null to a digest once, nothing else.
     */
    recordSha256: text(),
    /**
     * Which canonical layout record_sha256 is (or will be) taken under
     * (lib/inspections/record-hash.ts): 1 = without the signer's title and
     * qualifications (rows sealed before layout 2), 2 = with them. Set with
     * the digest, never changed after (drizzle/0038's trigger).
     */
    recordHashVersion: smallint().notNull().default(2),
    amendsInspectionId: uuid(),
    revision: integer().notNull().default(1),
    createdBy: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'inspections_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    foreignKey({ name: 'inspections_amends_fk', columns: [t.organizationId, t.amendsInspectionId], foreignColumns: [t.organizationId, t.id] }),
    index('inspections_org_project_inspected_idx').on(t.organizationId, t.projectId, t.inspectedAt.desc().nullsFirst()),
    index('inspections_org_status_idx').on(t.organizationId, t.status),
    // The tenant's completed inspections by date (rain vs inspections chart).
    index('inspections_org_inspected_idx').on(t.organizationId, t.inspectedAt),
    // Bounded reads of My work and the chart whatever the tenant's size (bench (j)): the completed
    // ones by date (an index-only count), the reports waiting for a signature, a person's drafts.
    index('inspections_org_done_inspected_idx')
      .on(t.organizationId, t.inspectedAt)
      .where(sql`${t.status} in ('submitted', 'published')`),
    index('inspections_org_unsigned_idx')
      .on(t.organizationId, t.updatedAt, t.id)
      .where(sql`${t.status} = 'submitted' and ${t.signedAt} is null`),
    index('inspections_org_drafts_idx')
      .on(t.organizationId, t.createdBy, t.updatedAt, t.id)
      .where(sql`${t.status} = 'draft'`),
    // A digest only on a signed row, and only a SHA-256 hex digest.
    check('inspections_record_sha256_ck', sql`${t.recordSha256} is null or (${t.signedAt} is not null and ${t.recordSha256} ~ '^[0-9a-f]{64}$')`),
    check('inspections_record_hash_version_ck', sql`${t.recordHashVersion} in (1, 2)`),
    belongsToOrg('inspections_org_fk', t.organizationId),
    ...tenantPolicies(),
    publicReadPolicy(sql`status = 'published' and (organization_id, project_id) in ${inspectorScope}`),
  ],
);

export const formSubmissions = pgTable(
  'form_submissions',
  {
    ...tenantColumns(),
    templateId: uuid().notNull(),
    projectId: uuid().notNull(),
    inspectionId: uuid(),
    status: submissionStatusEnum().notNull().default('draft'),
    data: jsonb().notNull().default({}),
    /** A retried submit carries the same key and finds the first row instead of making a second. */
    idempotencyKey: text(),
    submittedBy: text().notNull(),
    submittedAt: timestamp({ withTimezone: true, precision: 3 }),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('form_submissions_org_idem_uq').on(t.organizationId, t.idempotencyKey),
    foreignKey({ name: 'form_submissions_template_fk', columns: [t.organizationId, t.templateId], foreignColumns: [formTemplates.organizationId, formTemplates.id] }),
    foreignKey({ name: 'form_submissions_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    foreignKey({ name: 'form_submissions_inspection_fk', columns: [t.organizationId, t.inspectionId], foreignColumns: [inspections.organizationId, inspections.id] as [AnyPgColumn, AnyPgColumn] }),
    index('form_submissions_org_project_idx').on(t.organizationId, t.projectId),
    ...tenantPolicies(),
  ],
);
