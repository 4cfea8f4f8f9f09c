import { z } from 'zod';
import { INCIDENT_OUTCOMES } from '@/lib/compliance/osha/incident-clocks';
import { blankToNull, idempotencyKeyField, optionalText, uuidField } from '../field-helpers';

const INCIDENT_CASE_TYPES = ['injury', 'illness'] as const;

/** A little slack for clock skew between a phone and the server. */
const FUTURE_SLACK_MS = 10 * 60 * 1000;

/**
 * An instant as ISO 8601 with an offset: the form reads the typed date-time in
 * the site's zone (never the phone's) and sends the instant.
 */
const instant = (label: string, missing: string) =>
  z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    z.iso
      .datetime({ offset: true, error: (iss) => (iss.input === undefined ? missing : `${label} must be a date and time.`) })
      .transform((s) => new Date(s))
      .refine((d) => d.getTime() <= Date.now() + FUTURE_SLACK_MS, `${label} can’t be in the future.`),
  );

/** Report a work-related injury or illness (29 CFR 1904): the facts that start its clocks. */
export const createIncidentSchema = z
  .object({
    projectId: uuidField('Choose the site where it happened.'),
    caseType: z.enum(INCIDENT_CASE_TYPES, { error: 'Choose injury or illness.' }),
    outcome: z.enum(INCIDENT_OUTCOMES, { error: `outcome must be one of ${INCIDENT_OUTCOMES.join(', ')}.` }),
    occurredAt: instant('When it happened', 'Enter when it happened.'),
    learnedAt: instant('When you learned of it', 'Enter when the company learned of it.'),
    outcomeAt: z.preprocess(blankToNull, instant('When the outcome happened', 'Enter when the outcome happened.').nullable()).optional(),
    description: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim() : v),
      z.string({ error: 'Describe what happened.' }).min(1, 'Describe what happened.').max(5000, 'What happened must be at most 5000 characters.'),
    ),
    idempotencyKey: idempotencyKeyField,
  })
  .refine((v) => !(v.occurredAt instanceof Date && v.learnedAt instanceof Date && v.learnedAt < v.occurredAt), {
    path: ['learnedAt'],
    message: 'The company can’t learn of it before it happened.',
    when: () => true,
  })
  .refine((v) => !(v.occurredAt instanceof Date && v.outcomeAt instanceof Date && v.outcomeAt < v.occurredAt), {
    path: ['outcomeAt'],
    message: 'The outcome can’t come before the incident.',
    when: () => true,
  });

/** The report to OSHA was made: stops the 1904.39 clock. */
export const markIncidentReportedSchema = z.object({
  incidentId: uuidField('Unknown incident.'),
  reportedAt: instant('Reported at', 'Enter when it was reported to OSHA.'),
  reportReference: optionalText(200, 'The OSHA reference').optional(),
});
