import { z } from 'zod';

/** /export: starting an export takes no input (the org comes from the session). */
export const startExportSchema = z.strictObject({});
