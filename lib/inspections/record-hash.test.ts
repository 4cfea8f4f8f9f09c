import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRecord, groupedHash, recordSha256, type SignedRecordSource } from './record-hash';

const record: SignedRecordSource = {
  id: '00000000-0000-4000-8000-000000000001',
  organizationId: 'org_demo',
  projectId: '00000000-0000-4000-8000-000000000002',
  type: 'routine',
  inspectedAt: new Date('2026-05-04T12:00:00.000Z'),
  inspectorUserId: 'user_i',
  inspectorName: 'Ines Ibarra',
  inspectorTitle: 'CPESC',
  bmpResults: [{ result: 'fail', item: 'silt_fence', note: 'Down', bmpCategoryKey: 'sediment_control', label: 'Silt fence' }],
  findings: 'Re-trench',
  rainGaugeInches: '0.30',
  areasNotInspected: null,
  signedBy: 'user_i',
  signedAt: new Date('2026-05-04T15:00:00.000Z'),
  signatureName: 'Ines Ibarra',
  signatureStatement: 'I certify.',
  signatureTitle: 'Superintendent',
  signatureQualifications: 'EPA CGP inspector training, 2025',
  amendsInspectionId: null,
  revision: 1,
  recordHashVersion: 1,
};
const v2: SignedRecordSource = { ...record, recordHashVersion: 2 };

describe('the signed record (lib/inspections/record-hash.ts, docs/inspection-report.md)', () => {
  it('serializes as RFC 8785 canonical JSON: keys sorted at every level, no whitespace, ISO UTC times', () => {
    // Written out by hand from the documented layout, not produced by the code under test.
    const expected =
      '{"amendsInspectionId":null,"areasNotInspected":null,' +
      '"bmpResults":[{"bmpCategoryKey":"sediment_control","item":"silt_fence","label":"Silt fence","note":"Down","result":"fail"}],' +
      '"findings":"Re-trench","id":"00000000-0000-4000-8000-000000000001","inspectedAt":"2026-05-04T12:00:00.000Z",' +
      '"inspectorName":"Ines Ibarra","inspectorTitle":"CPESC","inspectorUserId":"user_i","organizationId":"org_demo",' +
      '"projectId":"00000000-0000-4000-8000-000000000002","rainGaugeInches":"0.30","revision":1,' +
      '"signatureName":"Ines Ibarra","signatureStatement":"I certify.","signedAt":"2026-05-04T15:00:00.000Z","signedBy":"user_i",' +
      '"type":"routine","v":1}';
    expect(canonicalRecord(record)).toBe(expected);
    expect(recordSha256(record)).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
  });

  it('layout 2 adds the signer’s title and qualifications (written out by hand), v = 2', () => {
    const expected =
      '{"amendsInspectionId":null,"areasNotInspected":null,' +
      '"bmpResults":[{"bmpCategoryKey":"sediment_control","item":"silt_fence","label":"Silt fence","note":"Down","result":"fail"}],' +
      '"findings":"Re-trench","id":"00000000-0000-4000-8000-000000000001","inspectedAt":"2026-05-04T12:00:00.000Z",' +
      '"inspectorName":"Ines Ibarra","inspectorTitle":"CPESC","inspectorUserId":"user_i","organizationId":"org_demo",' +
      '"projectId":"00000000-0000-4000-8000-000000000002","rainGaugeInches":"0.30","revision":1,' +
      '"signatureName":"Ines Ibarra","signatureQualifications":"EPA CGP inspector training, 2025","signatureStatement":"I certify.",' +
      '"signatureTitle":"Superintendent","signedAt":"2026-05-04T15:00:00.000Z","signedBy":"user_i",' +
      '"type":"routine","v":2}';
    expect(canonicalRecord(v2)).toBe(expected);
    expect(recordSha256(v2)).toBe(createHash('sha256').update(expected, 'utf8').digest('hex'));
    // The row's stored layout decides; an explicit version overrides it (the seal uses the current one).
    expect(recordSha256(record, 2)).toBe(recordSha256(v2));
    expect(recordSha256({ ...record, recordHashVersion: undefined })).toBe(recordSha256(v2));
  });

  it('a v1 record does not cover the signer’s title or qualifications: changing them leaves its digest as sealed', () => {
    const sealed = recordSha256(record);
    expect(recordSha256({ ...record, signatureTitle: 'Director of Operations' })).toBe(sealed);
    expect(recordSha256({ ...record, signatureQualifications: null })).toBe(sealed);
  });

  it('negative control: a v2 record covers them — the same changes change its digest', () => {
    const sealed = recordSha256(v2);
    expect(recordSha256({ ...v2, signatureTitle: 'Director of Operations' })).not.toBe(sealed);
    expect(recordSha256({ ...v2, signatureQualifications: null })).not.toBe(sealed);
    expect(recordSha256({ ...v2, signatureQualifications: '' })).not.toBe(recordSha256({ ...v2, signatureQualifications: null }));
  });

  it('refuses a layout it does not know rather than guess', () => {
    expect(() => recordSha256({ ...record, recordHashVersion: 3 })).toThrow(/unknown record hash layout 3/);
  });

  it('is the same for the same record whatever order its JSON keys come in', () => {
    const reordered = { ...record, bmpResults: [{ label: 'Silt fence', bmpCategoryKey: 'sediment_control', note: 'Down', item: 'silt_fence', result: 'fail' }] };
    expect(recordSha256(reordered)).toBe(recordSha256(record));
  });

  it('changes with every field of the record', () => {
    const changes: Partial<SignedRecordSource>[] = [
      { findings: 'Re-trench.' },
      { signatureName: 'Someone else' },
      { signedAt: new Date('2026-05-04T15:00:00.001Z') },
      { rainGaugeInches: '0.3' },
      { bmpResults: [{ ...(record.bmpResults as object[])[0], result: 'pass' }] },
      { revision: 2 },
      { areasNotInspected: '' },
    ];
    const base = recordSha256(record);
    for (const c of changes) expect(recordSha256({ ...record, ...c }), JSON.stringify(c)).not.toBe(base);
  });

  it('ignores what may change after signing (status, updated_at are not in the record)', () => {
    const row = { ...record, status: 'published', updatedAt: new Date() } as SignedRecordSource;
    expect(recordSha256(row)).toBe(recordSha256(record));
  });

  it('refuses an unsigned inspection: there is no signed record to hash', () => {
    expect(() => recordSha256({ ...record, signedAt: null })).toThrow(/not signed/);
  });

  it('groups a digest in fours for reading aloud', () => {
    expect(groupedHash('0123456789abcdef')).toBe('0123 4567 89ab cdef');
  });
});
