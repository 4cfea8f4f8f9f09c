/** Field errors keyed by field path (`signature`, `bmp_results.silt_fence`), as the server reports them. */
export type FormFieldErrors = Record<string, string[]>;

/** A form's data as the client holds it: field key → value. */
export type FormValues = Record<string, unknown>;
