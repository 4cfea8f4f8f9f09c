import 'server-only';
import { bigint, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { inspections } from './inspections';
import { belongsToOrg } from './organizations';
import { projects } from './projects';

export const fileStatusEnum = pgEnum('file_status', ['pending', 'stored', 'rejected']);

/** Columns shared by photos and documents: an S3 object under tenants/{orgId}/… */
const storedObject = () => ({
  ...tenantColumns(),
  projectId: uuid().notNull(),
  storageKey: text().notNull(),
  fileName: text().notNull(),
  contentType: text().notNull(),
  sizeBytes: bigint({ mode: 'number' }),
  status: fileStatusEnum().notNull().default('pending'),
  uploadedBy: text().notNull(),
  ...timestamps(),
});

export const photos = pgTable(
  'photos',
  {
    ...storedObject(),
    inspectionId: uuid(),
    caption: text(),
    takenAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('photos_org_key_uq').on(t.organizationId, t.storageKey),
    foreignKey({ name: 'photos_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    foreignKey({ name: 'photos_inspection_fk', columns: [t.organizationId, t.inspectionId], foreignColumns: [inspections.organizationId, inspections.id] }),
    index('photos_org_inspection_idx').on(t.organizationId, t.inspectionId),
    belongsToOrg('photos_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);

export const documents = pgTable(
  'documents',
  {
    ...storedObject(),
    title: text().notNull(),
    /** e.g. 'swppp', 'permit', 'noi', 'not', 'other' */
    kind: text().notNull().default('other'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('documents_org_key_uq').on(t.organizationId, t.storageKey),
    foreignKey({ name: 'documents_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    belongsToOrg('documents_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);
