import 'server-only';
import { getTableColumns, type Table } from 'drizzle-orm';
import {
  complianceSettings,
  correctiveActions,
  formSubmissions,
  formTemplates,
  inspections,
  memberships,
  organizations,
  projects,
  rainEvents,
  users,
  violations,
} from '@/db/schema';

/** The table behind each audit `entityType` (what recordAudit callers write). */
const TABLES: Record<string, Table> = {
  project: projects,
  rain_event: rainEvents,
  inspection: inspections,
  form_submission: formSubmissions,
  form_template: formTemplates,
  violation: violations,
  corrective_action: correctiveActions,
  security_settings: complianceSettings,
  organization: organizations,
  membership: memberships,
  user: users,
};

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The fields of an audited entity that the schema declares as timestamps: only
 * these are shown as dates on /audit. Free text that merely looks like an ISO
 * timestamp (a finding "2026-13-01T00:00:00Z") stays text.
 */
export function auditDateFields(entityType: string): ReadonlySet<string> {
  let fields = cache.get(entityType);
  if (!fields) {
    const table = TABLES[entityType];
    fields = new Set(
      table
        ? Object.entries(getTableColumns(table))
            .filter(([, c]) => c.columnType === 'PgTimestamp' || c.columnType === 'PgTimestampString')
            .map(([key]) => key)
        : [],
    );
    cache.set(entityType, fields);
  }
  return fields;
}
