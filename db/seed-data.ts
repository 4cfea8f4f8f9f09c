import 'server-only';

/**
 * Demo tenants for the embedded default. Two look-alike construction companies,
 * so isolation is visible in the UI: same project names, different data.
 * Dana Reyes belongs to both (the org switcher's demo).
 */
export const seedOrganizations = [
  { id: 'org_2acme0000000000000000000', name: 'Acme Site Works', slug: 'acme' },
  { id: 'org_2bolt0000000000000000000', name: 'Bolt Builders', slug: 'bolt' },
] as const;

export type SeedRole = 'owner' | 'admin' | 'superintendent' | 'inspector' | 'crew' | 'viewer';

export const seedUsers: {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  memberships: { org: (typeof seedOrganizations)[number]['slug']; role: SeedRole }[];
}[] = [
  { id: 'user_acme_owner', email: 'olivia@acme.test', firstName: 'Olivia', lastName: 'Owens', memberships: [{ org: 'acme', role: 'owner' }] },
  { id: 'user_acme_super', email: 'sam@acme.test', firstName: 'Sam', lastName: 'Sutter', memberships: [{ org: 'acme', role: 'superintendent' }] },
  { id: 'user_acme_inspector', email: 'ines@acme.test', firstName: 'Ines', lastName: 'Ibarra', memberships: [{ org: 'acme', role: 'inspector' }] },
  { id: 'user_acme_crew', email: 'carlos@acme.test', firstName: 'Carlos', lastName: 'Cruz', memberships: [{ org: 'acme', role: 'crew' }] },
  { id: 'user_bolt_owner', email: 'bea@bolt.test', firstName: 'Bea', lastName: 'Boltz', memberships: [{ org: 'bolt', role: 'owner' }] },
  { id: 'user_bolt_inspector', email: 'ivan@bolt.test', firstName: 'Ivan', lastName: 'Ivers', memberships: [{ org: 'bolt', role: 'inspector' }] },
  { id: 'user_bolt_crew', email: 'cora@bolt.test', firstName: 'Cora', lastName: 'Cole', memberships: [{ org: 'bolt', role: 'crew' }] },
  { id: 'user_bolt_viewer', email: 'vic@bolt.test', firstName: 'Vic', lastName: 'Vance', memberships: [{ org: 'bolt', role: 'viewer' }] },
  {
    id: 'user_dana',
    email: 'dana@consulting.test',
    firstName: 'Dana',
    lastName: 'Reyes',
    memberships: [
      { org: 'acme', role: 'admin' },
      { org: 'bolt', role: 'crew' },
    ],
  },
];

/** Same names in both orgs on purpose: a leak would show the wrong company's permit or address. */
export const seedProjects = [
  { name: 'Riverside Apartments', address: '100 River Rd', npdesPermitId: 'TXR15', receivingWater: 'Cedar Creek', sensitiveWater: true, schedule: 'every_7_days' },
  { name: 'Hillcrest Retail Center', address: '2200 Hill St', npdesPermitId: 'TXR16', receivingWater: 'Mill Branch', sensitiveWater: false, schedule: 'every_14_days_and_storm' },
  { name: 'Oak Park School Expansion', address: '48 Oak Ave', npdesPermitId: 'TXR17', receivingWater: 'Stone Lake', sensitiveWater: false, schedule: 'every_7_days' },
] as const;
