import { z } from 'zod';
import { validationFailed } from './request';

const keyShape = z.uuid();

/**
 * The `Idempotency-Key` header of a create request: a uuid the client makes
 * once per logical create and sends again on every retry. `undefined` when
 * absent; a 400 Response (returned, like `readJsonBody`) when it isn't a uuid.
 */
export function readIdempotencyKey(req: Request): string | undefined | Response {
  const raw = req.headers.get('idempotency-key');
  if (raw === null) return undefined;
  const parsed = keyShape.safeParse(raw.trim());
  return parsed.success
    ? parsed.data
    : validationFailed({ idempotencyKey: ['The Idempotency-Key header must be a uuid.'] });
}

/** A key sent again with a different parent (project, violation) is a client bug, not a replay. */
export const KEY_REUSED = 'This idempotency key was already used for a different request.';
