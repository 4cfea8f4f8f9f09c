/**
 * How long an owner's deletion request waits before the job runs it (docs/deletion.md):
 * long enough for another owner to notice the banner and cancel, short enough that a
 * company that wants to leave is gone within the week.
 */
export const DELETION_GRACE_DAYS = 7;

/** Rows per DELETE statement (and transaction): a big tenant never holds one huge transaction. */
export const DELETE_BATCH_ROWS = 5_000;
