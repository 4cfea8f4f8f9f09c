import { describe, expect, it } from 'vitest';
import { epaCgpInspection } from '@/lib/forms/default-templates';
import { submissionSchemaFor, fieldErrorsOf } from '@/lib/forms/submission-schema';
import { failedBmps, missingFailedBmpPhotos } from './failed-bmps';

const checklist = epaCgpInspection.sections.flatMap((s) => s.fields).find((f) => f.type === 'bmp_checklist')!;
if (checklist.type !== 'bmp_checklist') throw new Error('the EPA template has a BMP checklist');
const [first, second] = checklist.items;

describe('a failed BMP needs a note (every submit, server and offline alike)', () => {
  const schema = submissionSchemaFor(epaCgpInspection, 'submit');
  const withResults = (rows: Record<string, unknown>) => ({ [checklist.key]: rows });

  it('refuses a fail without a note, with the error on that item', () => {
    const parsed = schema.safeParse(withResults({ [first!.key]: { result: 'fail' } }));
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!.issues);
    expect(errors[`${checklist.key}.${first!.key}`]).toEqual([`${first!.label} failed: add a note saying what needs fixing and where`]);
  });

  it('a blank note is no note; a pass or N/A needs none; a draft may leave it for later', () => {
    const blank = schema.safeParse(withResults({ [first!.key]: { result: 'fail', note: '   ' } }));
    expect(fieldErrorsOf(blank.error!.issues)[`${checklist.key}.${first!.key}`]).toBeDefined();
    const passed = schema.safeParse(withResults({ [first!.key]: { result: 'pass' }, [second!.key]: { result: 'na' } }));
    const passErrors = passed.success ? {} : fieldErrorsOf(passed.error.issues);
    expect(passErrors[`${checklist.key}.${first!.key}`]).toBeUndefined();
    expect(submissionSchemaFor(epaCgpInspection, 'draft').safeParse(withResults({ [first!.key]: { result: 'fail' } })).success).toBe(true);
  });

  it('accepts a fail with a note', () => {
    const parsed = schema.safeParse(withResults({ [first!.key]: { result: 'fail', note: 'Undercut at the north swale' } }));
    const errors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
    expect(errors[`${checklist.key}.${first!.key}`]).toBeUndefined();
  });
});

describe('the org setting: a failed BMP needs a photo', () => {
  const data = { [checklist.key]: { [first!.key]: { result: 'fail', note: 'torn' }, [second!.key]: { result: 'pass' } } };

  it('lists the failed items with their notes', () => {
    expect(failedBmps(epaCgpInspection, data)).toEqual([
      { field: checklist.key, item: first!.key, label: first!.label, category: first!.category, note: 'torn' },
    ]);
  });

  it('a failed item without a stored photo of it is an error on that item; one photo of it clears it', () => {
    expect(missingFailedBmpPhotos(epaCgpInspection, data, new Map())).toEqual({
      [`${checklist.key}.${first!.key}`]: [`${first!.label} failed: add a photo of it (your organization requires one)`],
    });
    // A photo of another item does not count.
    expect(Object.keys(missingFailedBmpPhotos(epaCgpInspection, data, new Map([[second!.key, 2]])))).toHaveLength(1);
    expect(missingFailedBmpPhotos(epaCgpInspection, data, new Map([[first!.key, 1]]))).toEqual({});
  });
});
