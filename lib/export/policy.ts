/** The organization export's numbers (docs/export.md). */

/** A finished export can be downloaded for this many days; then the link answers 409. */
export const EXPORT_RETENTION_DAYS = 7;

/** How long a presigned download URL lives. */
export const EXPORT_DOWNLOAD_SECONDS = 5 * 60;

/** A running export touches its heartbeat at least this often while its worker lives. */
export const EXPORT_HEARTBEAT_MS = 10_000;

/** A running export whose heartbeat is older than this was interrupted (its worker died). */
export const EXPORT_STALE_AFTER_MS = 2 * 60_000;

/** Rows read per cursor fetch: one batch is all the memory a table takes. */
export const EXPORT_BATCH_ROWS = 1_000;

/** Progress is written after every table and after this many files. */
export const EXPORT_PROGRESS_EVERY_OBJECTS = 100;

export const EXPORT_INTERRUPTED_MESSAGE = 'The export was interrupted; start it again.';
export const EXPORT_FAILED_MESSAGE = 'The export failed; start it again. If it fails again, contact support.';
export const EXPORT_RUNNING_MESSAGE = 'An export is already running for this organization. Wait for it to finish.';
