/**
 * The machine's load average at the start and end of each bench section, so
 * the report can say which figures were measured on a loaded machine (the
 * 2-core machines here are shared: a 1-minute load above the core count
 * means other work competed with the measurement, ratios included).
 */
import os from 'node:os';

export type SectionLoads = Record<string, { start: number[]; end: number[] }>;

/** `mark('b')` closes the open section (its end load) and opens section b. */
export function sectionLoads(): { loads: SectionLoads; mark: (section: string) => void; close: () => void } {
  const loads: SectionLoads = {};
  let open: string | undefined;
  const close = () => {
    if (open) loads[open]!.end = os.loadavg();
    open = undefined;
  };
  return {
    loads,
    mark(section) {
      close();
      open = section;
      loads[section] = { start: os.loadavg(), end: os.loadavg() };
    },
    close,
  };
}

/** The section's highest 1-minute load if it exceeded the core count, else undefined. */
export function loadedBy(loads: SectionLoads | undefined, section: string, cores: number): number | undefined {
  const l = loads?.[section];
  if (!l) return undefined;
  const peak = Math.max(l.start[0] ?? 0, l.end[0] ?? 0);
  return peak > cores ? peak : undefined;
}
