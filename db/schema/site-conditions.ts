import 'server-only';
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies, timestamps } from './_tenant';
import { belongsToOrg } from './organizations';
import { projects } from './projects';

/** The reduced-frequency periods of CGP 2022 Part 4.4 and the snowmelt discharges of Part 4.2.2 / 4.3. */
export const SITE_PERIOD_KINDS = ['stabilized', 'arid', 'drought', 'frozen_suspended', 'frozen_continuing'] as const;
export const siteConditionKindEnum = pgEnum('site_condition_kind', [...SITE_PERIOD_KINDS, 'snowmelt']);

/**
 * What a project records about its site that changes which inspections the
 * permit asks for (lib/compliance/recompute-obligations.ts feeds them to the
 * engine): a period (local dates, `ends_on` inclusive, open while null) or a
 * snowmelt discharge (when runoff started, and the snowfall that melted).
 */
export const siteConditions = pgTable(
  'site_conditions',
  {
    ...tenantColumns(),
    projectId: uuid().notNull(),
    kind: siteConditionKindEnum().notNull(),
    startsOn: date(),
    endsOn: date(),
    dischargeAt: timestamp({ withTimezone: true, precision: 3 }),
    snowInches: numeric({ precision: 5, scale: 2 }),
    note: text(),
    recordedBy: text().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ name: 'site_conditions_project_fk', columns: [t.organizationId, t.projectId], foreignColumns: [projects.organizationId, projects.id] }).onDelete('cascade'),
    index('site_conditions_org_project_idx').on(t.organizationId, t.projectId),
    // A period has dates and no discharge; a snowmelt has a discharge and snowfall and no dates.
    check(
      'site_conditions_shape_ck',
      sql`case when ${t.kind} = 'snowmelt'
        then ${t.dischargeAt} is not null and ${t.snowInches} is not null and ${t.snowInches} >= 0 and ${t.startsOn} is null and ${t.endsOn} is null
        else ${t.startsOn} is not null and ${t.dischargeAt} is null and ${t.snowInches} is null and (${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}) end`,
    ),
    belongsToOrg('site_conditions_org_fk', t.organizationId),
    ...tenantPolicies(),
  ],
);
