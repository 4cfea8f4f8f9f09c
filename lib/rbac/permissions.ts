/**
 * Roles and permissions: the ONE table. Clerk's dashboard is configured to
 * match it (docs/auth.md), but the app decides from this table and the role in
 * the session token, so a permission can't be granted by editing Clerk alone.
 */

export const ROLES = ['owner', 'admin', 'superintendent', 'inspector', 'crew', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Clerk permission keys (`org:<feature>:<action>`). */
export const PERMISSIONS = [
  'org:data:read',
  'org:projects:write',
  'org:inspections:write',
  'org:inspections:sign',
  'org:inspections:review',
  'org:forms:submit',
  'org:photos:upload',
  'org:violations:write',
  'org:findings:report',
  'org:findings:review',
  'org:templates:manage',
  'org:settings:manage',
  'org:members:manage',
  'org:audit:read',
  'org:export:run',
  'org:billing:manage',
  // Deleting the whole organization (docs/deletion.md): owners only.
  'org:organization:delete',
  // OSHA injury and illness records (29 CFR 1904): medical facts about people, so not every member reads them.
  'org:incidents:read',
  'org:incidents:write',
  // Retention (docs/retention.md): legal holds and the purge's reports; owners and admins.
  'org:retention:manage',
  // A project's inspector packet (SWPPP, signed reports, corrective actions, rain data) for a visit.
  'org:packets:download',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Crews are the people on site: they report what they see as a finding (status `reported`);
// a superintendent or above reviews it (confirm → open violation, or dismiss with a reason).
const fieldWork: Permission[] = ['org:data:read', 'org:forms:submit', 'org:photos:upload', 'org:findings:report'];
const inspection: Permission[] = [
  ...fieldWork,
  'org:inspections:write',
  'org:inspections:sign',
  // Return a submitted report to its author with a comment: whoever may certify it may send it back.
  'org:inspections:review',
  'org:violations:write',
];

const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS.filter((p) => p !== 'org:billing:manage' && p !== 'org:organization:delete'),
  // Not org:export:run: the whole organization's data leaves in one zip, so owners and admins only (issue 15).
  superintendent: [...inspection, 'org:projects:write', 'org:findings:review', 'org:incidents:read', 'org:incidents:write', 'org:packets:download'],
  inspector: [...inspection, 'org:packets:download'],
  crew: fieldWork,
  viewer: ['org:data:read'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * `org:admin` (Clerk's role key; v2 tokens carry `admin` and Clerk adds the
 * prefix) → `admin`. Anything outside the table, such as Clerk's default
 * `org:member`, is `null`: refused, never guessed.
 */
export function parseRole(clerkRole: string | null | undefined): Role | null {
  if (!clerkRole) return null;
  const key = clerkRole.startsWith('org:') ? clerkRole.slice(4) : clerkRole;
  return (ROLES as readonly string[]).includes(key) ? (key as Role) : null;
}
