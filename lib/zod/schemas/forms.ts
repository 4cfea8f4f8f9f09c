import { z } from 'zod';

/** Field errors keyed by field path (`signature`, `bmp_results.silt_fence`), as the server reports them. */
export type FormFieldErrors = Record<string, string[]>;

/** The value of a signature field in a form submission. */
export const signatureValue = z.object({ name: z.string(), signedAt: z.iso.datetime() });

/** A form's data as the client holds it: field key → value. */
export type FormValues = Record<string, unknown>;
