import { z } from 'zod';

/** /settings/retention: a legal hold on the whole organization (no project) or on one project. */
export const placeHoldSchema = z.strictObject({
  projectId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('Choose a project, or the whole organization.').optional()),
  reason: z.string().trim().min(5, 'Say why the records are held (at least 5 characters).').max(500, 'The reason must be at most 500 characters.'),
});

export const releaseHoldSchema = z.strictObject({
  holdId: z.uuid('Not a legal hold.'),
});

/** A dry run of the purge from the page takes no input. */
export const dryRunPurgeSchema = z.strictObject({});
