/**
 * The declared list of tenant tables (every table with an organization_id
 * column). Cross-tenant tests iterate it; tests/integration/tenant-isolation
 * fails when the catalog or db/schema has a tenant table this list misses.
 */

export const TENANT_TABLES = [
  'organizations',
  'memberships',
  'compliance_settings',
  'bmp_categories',
  'violation_types',
  'form_templates',
  'projects',
  'project_search_trigrams',
  'rain_events',
  'project_obligations',
  'inspector_links',
  'inspector_link_views',
  'inspections',
  'form_submissions',
  'violations',
  'corrective_actions',
  'documents',
  'photos',
  'audit_log',
  'security_events',
  'notifications',
  'reminder_preferences',
  'support_access_grants',
  'incidents',
  'site_conditions',
  'invitations',
  'usage_daily',
  'legal_holds',
  'purge_reports',
  'data_exports',
] as const;

export type TenantTable = (typeof TENANT_TABLES)[number];

/**
 * How a test finds one row of each table and changes it. `key` is the column a
 * request would look the row up by; `mutable` is a text column an attacker
 * would like to overwrite.
 */
export const TENANT_TABLE_SHAPE: Record<TenantTable, { key: 'id' | 'organization_id'; mutable: string }> = {
  organizations: { key: 'organization_id', mutable: 'name' },
  memberships: { key: 'id', mutable: 'user_id' },
  compliance_settings: { key: 'organization_id', mutable: 'timezone' },
  bmp_categories: { key: 'id', mutable: 'name' },
  violation_types: { key: 'id', mutable: 'name' },
  form_templates: { key: 'id', mutable: 'name' },
  projects: { key: 'id', mutable: 'name' },
  project_search_trigrams: { key: 'id', mutable: 'trigram' },
  rain_events: { key: 'id', mutable: 'recorded_by' },
  project_obligations: { key: 'id', mutable: 'reason' },
  inspector_links: { key: 'id', mutable: 'label' },
  inspector_link_views: { key: 'id', mutable: 'user_agent' },
  inspections: { key: 'id', mutable: 'findings' },
  form_submissions: { key: 'id', mutable: 'submitted_by' },
  violations: { key: 'id', mutable: 'description' },
  corrective_actions: { key: 'id', mutable: 'description' },
  documents: { key: 'id', mutable: 'title' },
  photos: { key: 'id', mutable: 'caption' },
  audit_log: { key: 'id', mutable: 'action' },
  security_events: { key: 'id', mutable: 'kind' },
  notifications: { key: 'id', mutable: 'title' },
  reminder_preferences: { key: 'id', mutable: 'user_id' },
  support_access_grants: { key: 'id', mutable: 'reason' },
  incidents: { key: 'id', mutable: 'description' },
  site_conditions: { key: 'id', mutable: 'note' },
  invitations: { key: 'id', mutable: 'email' },
  usage_daily: { key: 'id', mutable: 'user_id' },
  legal_holds: { key: 'id', mutable: 'reason' },
  purge_reports: { key: 'id', mutable: 'ran_by' },
  data_exports: { key: 'id', mutable: 'error' },
};
