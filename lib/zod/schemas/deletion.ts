import { z } from 'zod';

/** /settings/delete: the organization's name, typed by hand (compared in lib/deletion/request-deletion.ts). */
export const requestDeletionSchema = z.strictObject({
  confirmName: z.string().trim().min(1, 'Type the organization’s name to confirm.').max(120, 'The name must be at most 120 characters.'),
});

/** Cancelling takes no input. */
export const cancelDeletionSchema = z.strictObject({});
