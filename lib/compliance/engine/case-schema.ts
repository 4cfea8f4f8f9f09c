/**
 * The case file format of `npm run compliance:explain` (docs/compliance.md):
 * one project's schedule, conditions and history as JSON, instants as ISO 8601
 * with an offset, local dates as YYYY-MM-DD. Parsing it gives the engine's input.
 */
import { z } from 'zod';
import type { ComplianceInput } from './types';
import { isTimeZone } from '@/lib/format/when';

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const localDate = z.iso.date();
const timeZone = z.string().refine(isTimeZone, 'not an IANA time zone (e.g. "America/Chicago")');
const id = z.string().min(1).max(200);
const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time HH:MM')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));

export const caseSchema = z
  .object({
    timeZone,
    now: instant,
    schedule: z.enum(['every_7_days', 'every_14_days_and_storm']),
    sensitiveWater: z.boolean().default(false),
    coverageStart: localDate,
    rainThresholdInches: z.number().positive().max(10).default(0.25),
    snowThresholdInches: z.number().positive().max(100).default(3.25),
    business: z
      .strictObject({
        closedDays: z.array(localDate).default([]),
        observeUsFederalHolidays: z.boolean().default(false),
        closeOfBusiness: hhmm.default(17 * 60),
      })
      .default({ closedDays: [], observeUsFederalHolidays: false, closeOfBusiness: 17 * 60 }),
    periods: z
      .array(
        z
          .strictObject({
            kind: z.enum(['stabilized', 'arid', 'drought', 'frozen_suspended', 'frozen_continuing']),
            start: localDate,
            end: localDate.nullable().default(null),
          })
          .refine((p) => p.end === null || p.end >= p.start, { message: 'end is before start', path: ['end'] }),
      )
      .default([]),
    storms: z
      .array(
        z
          .strictObject({
            id,
            startedAt: instant,
            endedAt: instant,
            rainInches: z.number().nonnegative().max(100),
            thresholdReachedAt: instant.nullable().default(null),
          })
          .refine((s) => s.endedAt >= s.startedAt, { message: 'endedAt is before startedAt', path: ['endedAt'] }),
      )
      .default([]),
    snowmelts: z
      .array(z.strictObject({ id, dischargeAt: instant, snowInches: z.number().nonnegative().max(1000) }))
      .default([]),
    inspections: z
      .array(
        z
          .strictObject({ id, at: instant, reportCompletedAt: instant.nullable().default(null) })
          .refine((i) => i.reportCompletedAt === null || i.reportCompletedAt >= i.at, {
            message: 'reportCompletedAt is before the inspection',
            path: ['reportCompletedAt'],
          }),
      )
      .default([]),
    findings: z
      .array(
        z
          .strictObject({
            id,
            kind: z.enum(['routine_maintenance', 'corrective_action']),
            discoveredAt: instant,
            completedAt: instant.nullable().default(null),
            infeasible: z
              .strictObject({ documentedAt: instant, reason: z.string().min(1).max(2000), scheduledBy: instant })
              .refine((x) => x.scheduledBy > x.documentedAt, { message: 'scheduledBy is not after documentedAt', path: ['scheduledBy'] })
              .nullable()
              .default(null),
          })
          .refine((f) => f.completedAt === null || f.completedAt >= f.discoveredAt, {
            message: 'completedAt is before discoveredAt',
            path: ['completedAt'],
          })
          .refine((f) => f.infeasible === null || f.infeasible.documentedAt >= f.discoveredAt, {
            message: 'infeasible.documentedAt is before discoveredAt',
            path: ['infeasible', 'documentedAt'],
          }),
      )
      .default([]),
    noncompliance: z
      .array(
        z.strictObject({
          id,
          awareAt: instant,
          mayEndanger: z.boolean(),
          oralReportAt: instant.nullable().default(null),
          writtenReportAt: instant.nullable().default(null),
        }),
      )
      .default([]),
  })
  .strict();

export type CaseFile = z.input<typeof caseSchema>;

export function parseCase(json: unknown): ComplianceInput {
  const c = caseSchema.parse(json);
  const { closeOfBusiness, ...business } = c.business;
  return { ...c, business: { ...business, closeOfBusinessMinutes: closeOfBusiness } };
}
