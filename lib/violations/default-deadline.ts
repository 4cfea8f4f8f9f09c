/** A violation's deadline when none was typed: found-at plus the type's allowed days. */
export function defaultDeadline(foundAt: Date, days: number): Date {
  return new Date(foundAt.getTime() + days * 86_400_000);
}
