/**
 * `npm run compliance:explain -- <case.json>`: a case file in, its obligations
 * out as JSON, through the same engine as the app. Kept apart from the script
 * so its errors can be tested without a process.
 */
import { z } from 'zod';
import { caseSchema, parseCase } from './case-schema';
import { computeObligations } from './index';

export type Explained = { ok: true; json: string } | { ok: false; error: string };

export function explainCase(text: string, source = 'case file'): Explained {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `${source} is not JSON: ${(e as Error).message}` };
  }
  const checked = caseSchema.safeParse(raw);
  if (!checked.success) return { ok: false, error: `${source} is not a valid case (docs/compliance.md):\n${z.prettifyError(checked.error)}` };
  const input = parseCase(raw);
  const obligations = computeObligations(input);
  return {
    ok: true,
    json: JSON.stringify({ timeZone: input.timeZone, now: input.now, obligations }, null, 2),
  };
}
