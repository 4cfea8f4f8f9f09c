import { z } from 'zod';

/**
 * `?projectId=&inspectionId=&bmp=<category key>&description=` on the record-a-violation and
 * report-a-finding pages: what a failed BMP of an inspection (or a project page) already knows.
 * Anything invalid is dropped, never an error: it is only a head start for the form.
 */
export const prefillQuery = z.object({
  projectId: z.uuid().optional().catch(undefined),
  inspectionId: z.uuid().optional().catch(undefined),
  bmp: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/).optional().catch(undefined),
  description: z.string().max(2000).optional().catch(undefined),
});

/** The link from a failed BMP item to the form that turns it into an action. */
export function failedBmpHref(
  base: '/violations/new' | '/findings/new',
  f: { projectId: string; inspectionId: string; category: string; label: string; note: string },
): string {
  const q = new URLSearchParams({
    projectId: f.projectId,
    inspectionId: f.inspectionId,
    bmp: f.category,
    description: f.note ? `${f.label}: ${f.note}` : `${f.label} failed inspection`,
  });
  return `${base}?${q.toString()}`;
}
