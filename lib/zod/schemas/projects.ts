import { z } from 'zod';
import { isTimeZone } from '@/lib/format/when';
import { pageQuery } from '@/lib/pagination/cursor';
import { blankToNull, checkbox, coordinate, decimal2, optionalIsoDate, optionalText, queryText, uuidField } from '../field-helpers';

export const PROJECT_STATUSES = ['active', 'completed', 'archived'] as const;
export const INSPECTION_SCHEDULES = ['every_7_days', 'every_14_days_and_storm'] as const;

export const INSPECTION_SCHEDULE_LABELS: Record<(typeof INSPECTION_SCHEDULES)[number], string> = {
  every_7_days: 'Every 7 days',
  every_14_days_and_storm: 'Every 14 days and within 24 h after a 0.25" storm',
};

/**
 * The fields of a project (job site). No `.default()` here: the same shape is
 * made `.partial()` for PATCH, where an absent field must stay unchanged.
 */
const projectFields = {
  name: z
    .string({ error: 'Enter the project name.' })
    .trim()
    .min(1, 'Enter the project name.')
    .max(200, 'Project name must be at most 200 characters.'),
  address: z.preprocess(
    (v) => (v === null ? '' : v),
    z.string({ error: 'Address must be text.' }).trim().max(500, 'Address must be at most 500 characters.'),
  ),
  npdesPermitId: z.preprocess(
    blankToNull,
    z
      .string({ error: 'NPDES permit ID must be text.' })
      .trim()
      .max(40, 'NPDES permit ID must be at most 40 characters.')
      .regex(/^[A-Za-z0-9-]+$/, 'NPDES permit ID may contain only letters, digits and dashes.')
      .transform((s) => s.toUpperCase())
      .nullable(),
  ),
  permitStart: optionalIsoDate('Permit coverage start'),
  permitEnd: optionalIsoDate('Permit termination'),
  disturbedAcres: z.preprocess(
    blankToNull,
    decimal2({ label: 'disturbed area', unit: 'acres', min: 0, max: 100_000 }).nullable(),
  ),
  receivingWater: optionalText(200, 'Receiving water'),
  sensitiveWater: checkbox,
  inspectionSchedule: z.enum(INSPECTION_SCHEDULES, { error: 'Choose an inspection schedule.' }),
  /** The site's IANA zone; blank = the organization's. */
  timeZone: z.preprocess(
    blankToNull,
    z
      .string({ error: 'Time zone must be text.' })
      .trim()
      .max(64)
      .refine(isTimeZone, 'Choose a time zone from the list (e.g. America/Chicago).')
      .nullable(),
  ),
  status: z.enum(PROJECT_STATUSES, { error: 'Choose a status: active, completed or archived.' }),
  /** The site's coordinates, for daily precipitation from the weather provider (docs/compliance.md). */
  latitude: z.preprocess(blankToNull, coordinate({ label: 'latitude', min: -90, max: 90 }).nullable()),
  longitude: z.preprocess(blankToNull, coordinate({ label: 'longitude', min: -180, max: 180 }).nullable()),
};

/** Latitude and longitude go together: one without the other locates nothing. */
const coordinatesTogether: [
  (v: Record<string, unknown>) => boolean,
  { path: PropertyKey[]; message: string; when: () => boolean },
] = [
  (v: Record<string, unknown>) => (v.latitude === undefined || v.latitude === null) === (v.longitude === undefined || v.longitude === null),
  { path: ['longitude'], message: 'Enter both latitude and longitude, or neither.', when: () => true },
] as const;

/**
 * Termination before coverage start is a typo, never a real permit. Runs even
 * when other fields failed (`when`), so the form reports every error at once.
 */
const permitDatesInOrder: [
  (v: Record<string, unknown>) => boolean,
  { path: PropertyKey[]; message: string; when: () => boolean },
] = [
  (v: Record<string, unknown>) =>
    !(typeof v.permitStart === 'string' && typeof v.permitEnd === 'string' && v.permitEnd < v.permitStart),
  { path: ['permitEnd'], message: 'Permit termination must be on or after the coverage start.', when: () => true },
] as const;

const withDefaults = z.object({
  ...projectFields,
  address: projectFields.address.optional().transform((v) => v ?? ''),
  npdesPermitId: projectFields.npdesPermitId.optional().transform((v) => v ?? null),
  permitStart: projectFields.permitStart.optional().transform((v) => v ?? null),
  permitEnd: projectFields.permitEnd.optional().transform((v) => v ?? null),
  disturbedAcres: projectFields.disturbedAcres.optional().transform((v) => v ?? null),
  receivingWater: projectFields.receivingWater.optional().transform((v) => v ?? null),
  inspectionSchedule: projectFields.inspectionSchedule.optional().transform((v) => v ?? ('every_7_days' as const)),
  timeZone: projectFields.timeZone.optional().transform((v) => v ?? null),
  status: projectFields.status.optional().transform((v) => v ?? ('active' as const)),
  latitude: projectFields.latitude.optional().transform((v) => v ?? null),
  longitude: projectFields.longitude.optional().transform((v) => v ?? null),
});

/** Create a project (form or POST /api/v1/projects). */
export const createProjectSchema = withDefaults.refine(...permitDatesInOrder).refine(...coordinatesTogether);

/** The edit form sends every field (an unchecked box means "not sensitive"). */
export const updateProjectFormSchema = withDefaults
  .extend({ id: uuidField('Unknown project.') })
  .refine(...permitDatesInOrder)
  .refine(...coordinatesTogether);

/**
 * PATCH /api/v1/projects/:id: only the fields sent change. The date order of a
 * half-sent pair is checked by the caller against the stored value
 * (see `permitDatesError`).
 */
export const patchProjectSchema = z
  .object(projectFields)
  .partial()
  .strict()
  .refine(...permitDatesInOrder)
  .refine(...coordinatesTogether)
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change.');

/** The field error for permit dates out of order after merging a patch into the stored row, if any. */
export function permitDatesError(merged: { permitStart: string | null; permitEnd: string | null }) {
  return merged.permitStart && merged.permitEnd && merged.permitEnd < merged.permitStart
    ? { permitEnd: ['Permit termination must be on or after the coverage start.'] }
    : undefined;
}

export const archiveProjectSchema = z.object({ id: uuidField('Unknown project.') });

/** `?search=&status=&cursor=&limit=` of the list page and GET /api/v1/projects. */
export const projectListQuery = pageQuery.extend({
  search: queryText(100, 'Search'),
  status: z.preprocess(
    blankToNull,
    z.enum(PROJECT_STATUSES, { error: 'Status must be active, completed or archived.' }).nullable().optional(),
  ),
});
