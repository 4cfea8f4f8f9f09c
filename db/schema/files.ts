import 'server-only';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { inspectorScope, publicReadPolicy, tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { inspections } from './inspections';
import { belongsToOrg } from './organizations';
import { projects } from './projects';
import { correctiveActions, violations } from './violations';

export const fileStatusEnum = pgEnum('file_status', ['pending', 'stored', 'rejected']);

/**
 * Columns shared by photos and documents: an S3 object under
 * tenants/{orgId}/{kind}/{id}/{name} (lib/storage/keys.ts). A row is `pending`
 * from the presigned upload until the confirm step has checked the object
 * (lib/files/confirm-upload.ts); only `stored` rows are ever served.
 */
const storedObject = () => ({
  ...tenantColumns(),
  projectId: uuid().notNull(),
  storageKey: text().notNull(),
  fileName: text().notNull(),
  contentType: text().notNull(),
  sizeBytes: bigint({ mode: 'number' }),
  status: fileStatusEnum().notNull().default('pending'),
  uploadedBy: text().notNull(),
  storedAt: timestamp({ withTimezone: true, precision: 3 }),
  /** The object's ETag when it was checked: a download refuses an object that changed since. */
  etag: text(),
  ...timestamps(),
});

export const photos = pgTable(
  'photos',
  {
    ...storedObject(),
    inspectionId: uuid(),
    /** The BMP checklist item (form field item key) the photo documents, within the inspection. */
    bmpItemKey: text(),
    violationId: uuid(),
    /** Set when the photo is evidence of a corrective action's close-out. */
    correctiveActionId: uuid(),
    caption: text(),
    /** EXIF capture time (DateTimeOriginal, read on the server), null when the file carries none. */
    takenAt: timestamp({ withTimezone: true, precision: 3 }),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    /** Capture and upload time more than a day apart: an old photo presented as new, or a wrong camera clock. */
    takenAtSuspect: boolean().notNull().default(false),
    thumbnailKey: text(),
    thumbnailBytes: bigint({ mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('photos_org_key_uq').on(t.organizationId, t.storageKey),
    foreignKey({ name: 'photos_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    foreignKey({ name: 'photos_inspection_fk', columns: [t.organizationId, t.inspectionId], foreignColumns: [inspections.organizationId, inspections.id] }),
    foreignKey({ name: 'photos_violation_fk', columns: [t.organizationId, t.violationId], foreignColumns: [violations.organizationId, violations.id] }),
    foreignKey({
      name: 'photos_corrective_action_fk',
      columns: [t.organizationId, t.correctiveActionId],
      foreignColumns: [correctiveActions.organizationId, correctiveActions.id],
    }),
    index('photos_org_inspection_idx').on(t.organizationId, t.inspectionId),
    index('photos_org_violation_idx').on(t.organizationId, t.violationId),
    index('photos_org_corrective_action_idx').on(t.organizationId, t.correctiveActionId),
    index('photos_org_status_created_idx').on(t.organizationId, t.status, t.createdAt),
    belongsToOrg('photos_org_fk', t.organizationId),
    ...tenantPolicies(),
    // The public QR page (docs/inspector-page.md): stored photos of a published inspection of the
    // opened link's project. The inspections sub-select is itself under brave_public's policy.
    publicReadPolicy(
      sql`status = 'stored' and (organization_id, project_id) in ${inspectorScope} and (organization_id, inspection_id) in (select i.organization_id, i.id from inspections i where i.status = 'published')`,
    ),
  ],
);

export const documents = pgTable(
  'documents',
  {
    ...storedObject(),
    title: text().notNull(),
    /** swppp, permit (NPDES permit, NOI/NOT), report (signed inspection reports), other. */
    kind: text().notNull().default('other'),
    /**
     * Versions of one document: same project, kind and title. Numbered when the
     * upload is confirmed, so a refused upload leaves no gap; older versions stay.
     */
    version: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('documents_org_key_uq').on(t.organizationId, t.storageKey),
    uniqueIndex('documents_org_series_version_uq').on(t.organizationId, t.projectId, t.kind, t.title, t.version),
    foreignKey({ name: 'documents_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    check('documents_kind_ck', sql`${t.kind} in ('swppp', 'permit', 'report', 'other')`),
    belongsToOrg('documents_org_fk', t.organizationId),
    ...tenantPolicies(),
    // The public QR page: only the one stored SWPPP version the project points at
    // (projects.public_swppp_document_id, set by an audited choice), of the opened link's project.
    publicReadPolicy(
      sql`kind = 'swppp' and status = 'stored' and (organization_id, project_id, id) in (select p.organization_id, p.id, p.public_swppp_document_id from projects p where (p.organization_id, p.id) in ${inspectorScope})`,
    ),
  ],
);
