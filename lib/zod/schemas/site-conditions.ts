import { z } from 'zod';
import { blankToNull, checkbox, decimal2, optionalIsoDate, optionalText, uuidField } from '../field-helpers';

export const SITE_PERIOD_KINDS = ['stabilized', 'arid', 'drought', 'frozen_suspended', 'frozen_continuing'] as const;
export type SitePeriodKind = (typeof SITE_PERIOD_KINDS)[number];

/** What each period is, as the permit names it (CGP 2022 Part 4.4). */
export const SITE_PERIOD_LABELS: Record<SitePeriodKind, { label: string; part: string }> = {
  stabilized: { label: 'Stabilized area (construction finished)', part: 'CGP 2022 Part 4.4.1' },
  arid: { label: 'Arid or semi-arid area, seasonally dry period', part: 'CGP 2022 Part 4.4.2' },
  drought: { label: 'Drought-stricken area', part: 'CGP 2022 Part 4.4.2' },
  frozen_continuing: { label: 'Frozen conditions, construction continuing', part: 'CGP 2022 Part 4.4.3' },
  frozen_suspended: { label: 'Frozen conditions, construction suspended', part: 'CGP 2022 Part 4.4.3' },
};

/** A little slack for clock skew between a phone and the server. */
const FUTURE_SLACK_MS = 60 * 60 * 1000;
const localDate = (label: string) => z.iso.date({ error: `${label} must be a date (YYYY-MM-DD).` });
const note = optionalText(500, 'Note').optional().transform((v) => v ?? null);

/** Record a reduced-frequency period on a project (the project page's form). */
export const recordSitePeriodSchema = z
  .strictObject({
    projectId: uuidField('Choose a project.'),
    kind: z.enum(SITE_PERIOD_KINDS, { error: 'Choose which condition applies.' }),
    startsOn: localDate('Start'),
    endsOn: optionalIsoDate('End').optional().transform((v) => v ?? null),
    note,
  })
  .refine((v) => !(v.endsOn && v.startsOn && v.endsOn < v.startsOn), { path: ['endsOn'], message: 'End must be on or after the start.', when: () => true });

/** Close an open period, or move its end (its last day, inclusive). */
export const endSitePeriodSchema = z.strictObject({
  id: uuidField('Unknown period.'),
  endsOn: localDate('End'),
});

/** Record a snowmelt discharge (Part 4.2.2 / 4.3: an inspection within 24 h of it, from 3.25 in of snow or more). */
export const recordSnowmeltSchema = z.strictObject({
  projectId: uuidField('Choose a project.'),
  dischargeAt: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.iso
      .datetime({ offset: true, error: (iss) => (iss.input === undefined ? 'Enter when the discharge started.' : 'Discharge must be a date and time.') })
      .transform((s) => new Date(s))
      .refine((d) => d.getTime() <= Date.now() + FUTURE_SLACK_MS, 'The discharge can’t be in the future.'),
  ),
  snowInches: decimal2({ label: 'snowfall that melted', unit: 'inches', min: 0, max: 200 }),
  note,
});

/** Remove a condition recorded in error (audited; the deadlines are recomputed). */
export const deleteSiteConditionSchema = z.strictObject({ id: uuidField('Unknown condition.') });

const MAX_CLOSED_DAYS = 100;

/**
 * /settings, the business calendar of the deadlines (docs/compliance.md,
 * readings 6–7): the dates the company is closed (one per line or comma
 * separated), US federal holidays closed or not, and the close of business.
 */
export const businessCalendarSchema = z.strictObject({
  closedDays: z.preprocess(
    blankToNull,
    z
      .string()
      .max(MAX_CLOSED_DAYS * 12, `At most ${MAX_CLOSED_DAYS} dates.`)
      .nullable()
      .transform((s, ctx) => {
        const parts = (s ?? '').split(/[\s,]+/).filter(Boolean);
        const bad = parts.filter((p) => !z.iso.date().safeParse(p).success);
        if (bad.length) {
          ctx.addIssue({ code: 'custom', message: `Not a date (YYYY-MM-DD): ${bad.slice(0, 3).join(', ')}` });
          return z.NEVER;
        }
        const days = [...new Set(parts)].sort();
        if (days.length > MAX_CLOSED_DAYS) {
          ctx.addIssue({ code: 'custom', message: `At most ${MAX_CLOSED_DAYS} dates.` });
          return z.NEVER;
        }
        return days;
      }),
  ),
  observeUsFederalHolidays: checkbox,
  closeOfBusiness: z
    .string({ error: 'Enter the close of business (HH:MM).' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the close of business as HH:MM (24-hour).')
    .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5))),
});
