import { z } from 'zod';
import { pageQuery } from '@/lib/pagination/cursor';
import { idempotencyKeyField } from '../field-helpers';

/**
 * Violations and corrective actions: one set of schemas for the forms (FormData,
 * where an empty input is '') and the JSON API (where a missing key means "leave
 * it"). Times are either ISO 8601 with an offset (API) or a `datetime-local`
 * value plus the browser's `tzOffset` (forms), so a crew's "found at 7:30"
 * means 7:30 where they stand, not where the server runs.
 */

/** The workflow of a violation and of a corrective action: one step at a time. */
export const VIOLATION_STATUSES = ['open', 'in_progress', 'fixed', 'verified'] as const;
export type ViolationStatusValue = (typeof VIOLATION_STATUSES)[number];
/** Every status a violation row can have: a crew's finding starts `reported` and is confirmed (→ open) or `dismissed`. */
export const ALL_VIOLATION_STATUSES = ['reported', ...VIOLATION_STATUSES, 'dismissed'] as const;
export type AnyViolationStatus = (typeof ALL_VIOLATION_STATUSES)[number];

export const STATUS_LABELS: Record<AnyViolationStatus, string> = {
  reported: 'Reported',
  open: 'Open',
  in_progress: 'In progress',
  fixed: 'Fixed',
  verified: 'Verified',
  dismissed: 'Dismissed',
};

/**
 * Which permit clock a work item runs on (db/schema/violations.ts): maintenance of a BMP that still works is
 * due by the close of the next business day (CGP Part 2.1.4); a corrective action within 7 calendar days (Part 5.2.2).
 */
export const ACTION_KINDS = ['corrective_action', 'routine_maintenance'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  corrective_action: 'Corrective action',
  routine_maintenance: 'Routine maintenance',
};
/** The permit part each clock comes from, as the engine names it (lib/compliance/engine/actions.ts). */
export const ACTION_KIND_PARTS: Record<ActionKind, string> = {
  corrective_action: 'CGP Part 5.2.2',
  routine_maintenance: 'CGP Part 2.1.4',
};
const actionKind = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.enum(ACTION_KINDS, { message: `kind must be one of ${ACTION_KINDS.join(', ')}` }).default('corrective_action'),
);

/** '' (an empty form input) → undefined, so optional fields stay optional in forms. */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** '' → null: "cleared" in an edit form; a missing key stays undefined ("unchanged"). */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const uuid = (message: string) => z.uuid({ message });
const optionalRef = (message: string) => z.preprocess(blankToNull, uuid(message).nullable().optional());
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `At most ${max} characters.`).nullable().optional());
const description = z
  .string({ message: 'Describe what was found.' })
  .trim()
  .min(3, 'Describe what was found (at least 3 characters).')
  .max(2000, 'At most 2000 characters.');

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A point in time as typed: ISO with offset, or local `YYYY-MM-DDTHH:mm` (resolved with tzOffset). */
const when = (label: string) =>
  z
    .string({ message: `Enter the ${label}.` })
    .trim()
    .min(1, { message: `Enter the ${label}.`, abort: true })
    .refine((v) => (OFFSET.test(v) || LOCAL.test(v)) && !Number.isNaN(resolveWhen(v).getTime()), {
      message: `Enter a valid ${label}.`,
    });

/** `Date.getTimezoneOffset()` of the browser (minutes, UTC − local); forms fill it on submit. */
const tzOffset = z.preprocess(blankToUndefined, z.coerce.number().int().min(-840).max(840).optional());

/**
 * Resolve a `when` string: ISO with an offset as is; a local time with the
 * browser's offset (UTC when the form could not send one).
 */
function resolveWhen(value: string, offsetMinutes = 0): Date {
  if (OFFSET.test(value)) return new Date(value);
  const utc = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return new Date(utc + offsetMinutes * 60_000);
}

const YEAR_MS = 366 * 86_400_000;

// ── Violations ─────────────────────────────────────────────────────────────

/** Create a violation, found on an inspection or on its own. No deadline → the type's default. */
export const createViolationSchema = z
  .object({
    projectId: uuid('Choose a project.'),
    inspectionId: optionalRef('Choose a valid inspection.'),
    violationTypeId: uuid('Choose a violation type.'),
    bmpCategoryId: optionalRef('Choose a valid BMP category.'),
    description,
    location: optionalText(500),
    foundAt: when('date and time found'),
    deadline: z.preprocess(blankToUndefined, when('deadline').optional()),
    tzOffset,
    idempotencyKey: idempotencyKeyField,
  })
  .transform(({ tzOffset: offset, foundAt, deadline, ...rest }, ctx) => {
    const found = resolveWhen(foundAt, offset);
    const due = deadline === undefined ? undefined : resolveWhen(deadline, offset);
    if (found.getTime() > Date.now() + 5 * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['foundAt'], message: 'The time found cannot be in the future.' });
    }
    if (due && due <= found) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline must be after the time found.' });
    }
    if (due && due.getTime() - found.getTime() > 5 * YEAR_MS) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline must be within 5 years.' });
    }
    return { ...rest, foundAt: found, deadline: due };
  });
export type CreateViolationInput = z.output<typeof createViolationSchema>;

const editableFields = {
  inspectionId: optionalRef('Choose a valid inspection.'),
  violationTypeId: uuid('Choose a violation type.').optional(),
  bmpCategoryId: optionalRef('Choose a valid BMP category.'),
  description: description.optional(),
  location: optionalText(500),
  foundAt: when('date and time found').optional(),
  deadline: when('deadline').optional(),
  tzOffset,
};

function resolvePatch<T extends { foundAt?: string; deadline?: string; tzOffset?: number }>(
  { tzOffset: offset, foundAt, deadline, ...rest }: T,
  ctx: z.RefinementCtx,
) {
  const found = foundAt === undefined ? undefined : resolveWhen(foundAt, offset);
  const due = deadline === undefined ? undefined : resolveWhen(deadline, offset);
  if (found && due && due <= found) {
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline must be after the time found.' });
  }
  return { ...rest, foundAt: found, deadline: due };
}

/** Edit a violation's details (the edit form sends every field; '' clears an optional one). */
export const updateViolationSchema = z.object({ id: uuid('Not found.'), ...editableFields }).transform(resolvePatch);

export const moveViolationStatusSchema = z.object({
  id: uuid('Not found.'),
  status: z.enum(VIOLATION_STATUSES, { message: 'Choose a status.' }),
});

// ── Corrective actions ─────────────────────────────────────────────────────

export const addCorrectiveActionSchema = z
  .object({
    violationId: uuid('Not found.'),
    kind: actionKind,
    description: z
      .string({ message: 'Describe the corrective action.' })
      .trim()
      .min(3, 'Describe the corrective action (at least 3 characters).')
      .max(2000, 'At most 2000 characters.'),
    assignedTo: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/, 'Choose a member.')
        .optional(),
    ),
    dueAt: when('due date'),
    tzOffset,
    idempotencyKey: idempotencyKeyField,
  })
  .transform(({ tzOffset: offset, dueAt, ...rest }) => ({ ...rest, dueAt: resolveWhen(dueAt, offset) }));

export const advanceCorrectiveActionSchema = z.object({
  id: uuid('Not found.'),
  to: z.enum(VIOLATION_STATUSES, { message: 'Choose a step.' }),
});

// ── JSON API ───────────────────────────────────────────────────────────────

/** `GET /api/v1/violations?projectId=&status=open,in_progress&cursor=&limit=` */
export const listViolationsQuery = pageQuery.extend({
  projectId: z.preprocess(blankToUndefined, z.uuid({ message: 'projectId must be a uuid' }).optional()),
  status: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => s.trim()) : undefined),
    z
      .array(z.enum(ALL_VIOLATION_STATUSES, { message: `status must be one of ${ALL_VIOLATION_STATUSES.join(', ')}` }))
      .optional(),
  ),
});

/** `PATCH /api/v1/violations/:id`: any editable field, and/or `status` (one step of the workflow). */
export const patchViolationSchema = z
  .strictObject({
    ...editableFields,
    status: z
      .enum(VIOLATION_STATUSES, { message: `status must be one of ${VIOLATION_STATUSES.join(', ')}` })
      .optional(),
  })
  .transform(resolvePatch)
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'Send at least one field to change.' });

// ── Findings (crew reports, superintendent reviews) ────────────────────────

/** A crew member's finding: what and where, on which project; it starts `reported` (no deadline yet). */
export const recordFindingSchema = z
  .object({
    projectId: uuid('Choose a project.'),
    inspectionId: optionalRef('Choose a valid inspection.'),
    violationTypeId: uuid('Choose what kind of problem it is.'),
    bmpCategoryId: optionalRef('Choose a valid BMP category.'),
    description,
    location: optionalText(500),
    foundAt: when('date and time found'),
    tzOffset,
    idempotencyKey: idempotencyKeyField,
  })
  .transform(({ tzOffset: offset, foundAt, ...rest }, ctx) => {
    const found = resolveWhen(foundAt, offset);
    if (found.getTime() > Date.now() + 5 * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['foundAt'], message: 'The time found cannot be in the future.' });
    }
    return { ...rest, foundAt: found };
  });
export type RecordFindingInput = z.output<typeof recordFindingSchema>;

const correctiveDescription = z
  .string({ message: 'Describe the corrective action.' })
  .trim()
  .min(3, 'Describe the corrective action (at least 3 characters).')
  .max(2000, 'At most 2000 characters.');
const memberId = z.preprocess(
  blankToUndefined,
  z.string().trim().max(64).regex(/^[A-Za-z0-9_-]+$/, 'Choose a member.').optional(),
);

const confirmFields = {
  deadline: when('deadline'),
  kind: actionKind,
  description: correctiveDescription,
  assignedTo: memberId,
  dueAt: when('due date'),
  tzOffset,
  idempotencyKey: idempotencyKeyField,
};

function resolveConfirm<T extends { deadline: string; dueAt: string; tzOffset?: number }>(
  { tzOffset: offset, deadline, dueAt, ...rest }: T,
  ctx: z.RefinementCtx,
) {
  const due = resolveWhen(dueAt, offset);
  const until = resolveWhen(deadline, offset);
  if (due.getTime() > until.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'The corrective action must be due by the violation deadline.' });
  }
  if (until.getTime() - Date.now() > 5 * YEAR_MS) {
    ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline must be within 5 years.' });
  }
  return { ...rest, deadline: until, dueAt: due };
}

/** Confirm a finding: the violation's deadline and the corrective action (who, what, by when). */
export const confirmFindingSchema = z.object({ id: uuid('Not found.'), ...confirmFields }).transform(resolveConfirm);

/** `POST /api/v1/violations/:id/confirm` (the id is in the path; unknown keys refused). */
export const confirmFindingBody = z.strictObject(confirmFields).transform(resolveConfirm);

const dismissReason = z
  .string({ message: 'Say why this finding is dismissed.' })
  .trim()
  .min(3, 'Say why this finding is dismissed (at least 3 characters).')
  .max(1000, 'At most 1000 characters.');

/** Dismiss a finding: why it is not a violation (kept with the record). */
export const dismissFindingSchema = z.object({ id: uuid('Not found.'), reason: dismissReason });

/** `POST /api/v1/violations/:id/dismiss` */
export const dismissFindingBody = z.strictObject({ reason: dismissReason });

