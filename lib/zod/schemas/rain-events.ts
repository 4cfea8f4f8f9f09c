import { z } from 'zod';
import { pageQuery } from '@/lib/pagination/cursor';
import { blankToNull, decimal2, idempotencyKeyField, uuidField } from '../field-helpers';

export const RAIN_SOURCES = ['manual', 'gauge', 'weather_service'] as const;
export const RAIN_SOURCE_LABELS: Record<(typeof RAIN_SOURCES)[number], string> = {
  manual: 'Manual reading',
  gauge: 'On-site rain gauge',
  weather_service: 'Weather service',
};

/** A little slack for clock skew between a phone and the server. */
const FUTURE_SLACK_MS = 60 * 60 * 1000;

/**
 * An instant as ISO 8601 with an offset ("2026-05-01T14:30:00-05:00" or "…Z").
 * The form converts the phone's local date-time to this before sending, so the
 * server never guesses a crew's time zone.
 */
const instant = (label: string, missing: string) =>
  z.iso
    .datetime({
      offset: true,
      error: (iss) => (iss.input === undefined ? missing : `${label} must be a date and time.`),
    })
    .transform((s) => new Date(s));

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

const fields = {
  amountInches: decimal2({ label: 'rain amount', unit: 'inches', min: 0, max: 50 }),
  startedAt: z.preprocess(
    blankToUndefined,
    instant('Start', 'Enter when the rain started.').refine(
      (d) => d.getTime() <= Date.now() + FUTURE_SLACK_MS,
      'Start can’t be in the future.',
    ),
  ),
  endedAt: z.preprocess(blankToNull, instant('End', 'End must be a date and time.').nullable()),
  source: z.enum(RAIN_SOURCES, { error: 'Choose where the reading came from.' }),
};

/** End before start is a typo. Runs even when other fields failed, so every error is reported at once. */
const endAfterStart: [
  (v: Record<string, unknown>) => boolean,
  { path: PropertyKey[]; message: string; when: () => boolean },
] = [
  (v: Record<string, unknown>) =>
    !(v.startedAt instanceof Date && v.endedAt instanceof Date && v.endedAt < v.startedAt),
  { path: ['endedAt'], message: 'End must be after the start.', when: () => true },
] as const;

const recordShape = {
  projectId: uuidField('Choose a project.'),
  amountInches: fields.amountInches,
  startedAt: fields.startedAt,
  endedAt: fields.endedAt.optional().transform((v) => v ?? null),
  source: z.preprocess(blankToUndefined, fields.source.optional()).transform((v) => v ?? ('manual' as const)),
};

/** Record a rain gauge entry for a project (form or POST /api/v1/rain-events). */
export const recordRainEventSchema = z
  .object({ ...recordShape, idempotencyKey: idempotencyKeyField })
  .refine(...endAfterStart);

/** The edit form: every field but the project (an entry never moves between sites). */
export const updateRainEventFormSchema = z
  .object({ ...recordShape, projectId: z.unknown().optional(), id: uuidField('Unknown rain event.') })
  .refine(...endAfterStart);

/** The date-order error after merging a patch into the stored row, if any. */
export function rainDatesError(merged: { startedAt: Date; endedAt: Date | null }) {
  return merged.endedAt && merged.endedAt < merged.startedAt
    ? { endedAt: ['End must be after the start.'] }
    : undefined;
}

/** PATCH /api/v1/rain-events/:id: only the fields sent change. */
export const patchRainEventSchema = z
  .object(fields)
  .partial()
  .strict()
  .refine(...endAfterStart)
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change.');

/** `?projectId=&cursor=&limit=` of GET /api/v1/rain-events. */
export const rainEventListQuery = pageQuery.extend({
  projectId: z.preprocess(blankToNull, uuidField('projectId must be a project id.').nullable().optional()),
});
