import { z } from 'zod';
import { SECURITY_EVENT_KINDS } from '@/lib/security/alert-rules';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** /security filters from the query string: event kind, person, how many days back. */
export const securityQuerySchema = z.object({
  kind: z.preprocess(
    blankToUndefined,
    z.enum(SECURITY_EVENT_KINDS, { message: 'Choose a valid event type.' }).optional(),
  ),
  user: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Choose a valid person.')
      .optional(),
  ),
  days: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'Choose a period.' })
      .refine((n) => [1, 7, 30, 90].includes(n), 'Choose a period.')
      .default(7),
  ),
});


export const hour = (label: string) =>
  z.coerce
    .number({ message: `Choose the ${label}.` })
    .int(`Choose the ${label}.`)
    .min(0, `Choose the ${label}.`)
    .max(23, `Choose the ${label}.`);
const count = (label: string) =>
  z.coerce
    .number({ message: `Enter ${label} as a number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(1, `${label} must be at least 1.`)
    .max(1000, `${label} can be at most 1000.`);
const minutes = (label: string) =>
  z.coerce
    .number({ message: `Enter ${label} as a number.` })
    .int(`Enter ${label} as a whole number of minutes.`)
    .min(1, `${label} must be at least 1 minute.`)
    .max(1440, `${label} can be at most 1440 minutes (one day).`);

/** The /security settings form: alert thresholds and the off-hours switch (all errors at once). */
export const securitySettingsSchema = z.object({
    breachAttemptThreshold: count('The probe count'),
    breachAttemptWindowMinutes: minutes('The probe window'),
    accessDeniedThreshold: count('The refusal count'),
    accessDeniedWindowMinutes: minutes('The refusal window'),
    // An unchecked checkbox sends nothing.
    offHoursAlertsEnabled: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});

/** "Mark reviewed": every alert up to the newest one the owner saw on the page. */
export const markAlertsReviewedSchema = z.object({
  through: z.iso.datetime({ message: 'Reload the page and try again.', offset: true }).transform((s) => new Date(s)),
});
