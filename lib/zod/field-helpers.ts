import { z } from 'zod';

/**
 * Building blocks for schemas that read both FormData (every value a string,
 * an unchecked box absent) and JSON bodies (numbers, booleans, null).
 */

/** A blank or whitespace-only string means "no value" (null), as an empty form field does. */
export const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** C0 controls (NUL included) and DEL: PostgreSQL refuses NUL in text (22021); none belongs in a search. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Free text from a query string (a search box): trimmed, blank → null, at most
 * `max` characters, no control characters. Shared by the API and the page that
 * read the same parameter, so both refuse the same input with the same message.
 */
export const queryText = (max: number, label: string) =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(max, `${label} must be at most ${max} characters.`)
      .refine((v) => !CONTROL.test(v), `${label} can’t contain control characters.`)
      .nullable()
      .optional(),
  );

/** Optional free text: trimmed, blank → null, at most `max` characters. */
export const optionalText = (max: number, label: string) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${label} must be at most ${max} characters.`).nullable());

/**
 * A checkbox or a JSON boolean. A form sends "on" (or a hidden "false" then "on"
 * when checked, the last value winning), JSON sends true/false.
 */
export const checkbox = z.preprocess(
  (v) => {
    const last = Array.isArray(v) ? v.at(-1) : v;
    if (last === undefined || last === null || last === '') return false;
    if (typeof last === 'string') {
      const word = last.trim().toLowerCase();
      if (['on', 'true', '1', 'yes'].includes(word)) return true;
      if (['off', 'false', '0', 'no'].includes(word)) return false;
    }
    return last; // anything else fails z.boolean() with a clear message
  },
  z.boolean({ error: 'Must be true or false.' }),
);

/** A calendar date as ISO `YYYY-MM-DD` (what <input type="date"> sends); blank → null. */
export const optionalIsoDate = (label: string) =>
  z.preprocess(blankToNull, z.iso.date({ error: `${label} must be a date (YYYY-MM-DD).` }).nullable());

/**
 * A decimal amount with at most two decimals in [min, max], from a number or a
 * numeric string; returned as the string PostgreSQL `numeric` expects ("4.50").
 * The range is also declared as metadata: the bounds live in a transform,
 * where the schema-contract tests (lib/zod/schemas/contracts.test.ts) could
 * not otherwise see them.
 */
export function decimal2(opts: { label: string; unit: string; min: number; max: number }) {
  const { label, unit, min, max } = opts;
  return z.union([z.number(), z.string().trim()], { error: `Enter the ${label} in ${unit}.` }).transform((v, ctx) => {
    const text = typeof v === 'number' ? String(v) : v;
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${label} as a number of ${unit}.` });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `The ${label} must be between ${min} and ${max} ${unit}.` });
      return z.NEVER;
    }
    if (Math.abs(Math.round(n * 100) - n * 100) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: `Use at most 2 decimal places for the ${label}.` });
      return z.NEVER;
    }
    return n.toFixed(2);
  }).meta({ range: { min, max } });
}

/**
 * A latitude or longitude in decimal degrees (WGS 84), at most 5 decimals
 * (about a metre); stored as text for the numeric column.
 */
export function coordinate(opts: { label: string; min: number; max: number }) {
  const { label, min, max } = opts;
  return z.union([z.number(), z.string().trim()], { error: `Enter the ${label} in decimal degrees.` }).transform((v, ctx) => {
    const text = typeof v === 'number' ? String(v) : v;
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${label} as decimal degrees (e.g. ${min < -90 ? '-97.74310' : '30.26720'}).` });
      return z.NEVER;
    }
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `The ${label} must be between ${min} and ${max} degrees.` });
      return z.NEVER;
    }
    return n.toFixed(5);
  }).meta({ range: { min, max } });
}

/** A database id (any 8-4-4-4-12 hex uuid). */
export const uuidField = (message: string) => z.guid({ error: message });

/**
 * The key a create form (or an API client's `Idempotency-Key` header) sends so
 * a retried submit finds the first row instead of making a second: a uuid made
 * when the form rendered. Optional (blank → absent) for clients that don't send one.
 */
export const idempotencyKeyField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.uuid({ error: 'The idempotency key must be a uuid.' }).optional(),
);
