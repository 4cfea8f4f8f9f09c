/**
 * When is a project's next stormwater inspection due? A simple reading of the
 * 2022 EPA CGP Part 4.2 schedule options, kept in one function so the full
 * permit engine can replace it:
 * - every 7 calendar days; or
 * - every 14 calendar days AND within `deadlineHours` (24 h) of the end of a
 *   storm of `thresholdInches` (0.25 in) or more.
 * A project never inspected is due from its permit start (or its creation).
 */
type InspectionSchedule = 'every_7_days' | 'every_14_days_and_storm';

export interface DueInput {
  schedule: InspectionSchedule;
  /** Last completed (submitted or published) inspection. */
  lastInspectedAt: Date | null;
  /** Coverage start, or when the project was created. */
  startedAt: Date;
  rainEvents: { amountInches: number; startedAt: Date; endedAt: Date | null }[];
  thresholdInches: number;
  deadlineHours: number;
  now: Date;
}

export type DueStatus = 'ok' | 'due_soon' | 'overdue';
export interface Due {
  dueAt: Date;
  reason: 'routine' | 'storm_event';
  status: DueStatus;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function inspectionDue(input: DueInput): Due {
  const base = input.lastInspectedAt ?? input.startedAt;
  const interval = input.schedule === 'every_7_days' ? 7 : 14;
  let due: { dueAt: Date; reason: Due['reason'] } = { dueAt: new Date(base.getTime() + interval * DAY), reason: 'routine' };

  if (input.schedule === 'every_14_days_and_storm') {
    for (const rain of input.rainEvents) {
      const ended = rain.endedAt ?? rain.startedAt;
      if (rain.amountInches < input.thresholdInches || ended <= base) continue;
      const stormDue = new Date(ended.getTime() + input.deadlineHours * HOUR);
      if (stormDue < due.dueAt) due = { dueAt: stormDue, reason: 'storm_event' };
    }
  }

  const left = due.dueAt.getTime() - input.now.getTime();
  const status: DueStatus = left < 0 ? 'overdue' : left <= 2 * DAY ? 'due_soon' : 'ok';
  return { ...due, status };
}
