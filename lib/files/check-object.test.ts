import { describe, expect, it } from 'vitest';
import { HTML_AS_JPEG, makeJpeg, makePdf, makePng, SVG_FILE } from '@/tests/support/photo-fixtures';
import { objectProblem } from './check-object';

const facts = (head: Uint8Array, over: Partial<{ size: number; contentType: string; orgMetadata: string }> = {}) => ({
  size: head.length,
  contentType: 'image/jpeg',
  orgMetadata: 'org_a',
  etag: '"x"',
  head,
  ...over,
});

describe('what confirm refuses', () => {
  it('accepts a real JPEG, PNG and PDF declared as themselves', async () => {
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/jpeg' }, facts(await makeJpeg()))).toBeNull();
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/png' }, facts(await makePng(), { contentType: 'image/png' }))).toBeNull();
    expect(await objectProblem('documents', 'org_a', { contentType: 'application/pdf' }, facts(makePdf(), { contentType: 'application/pdf' }))).toBeNull();
  });

  it('refuses by magic bytes, size, stored type and org tag', async () => {
    const jpeg = await makeJpeg();
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/jpeg' }, facts(HTML_AS_JPEG))).toMatch(/not a JPEG image/);
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/png' }, facts(SVG_FILE, { contentType: 'image/png' }))).toMatch(/not a PNG image/);
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/png' }, facts(jpeg, { contentType: 'image/png' }))).toMatch(/looks like image\/jpeg/);
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/jpeg' }, facts(jpeg, { size: 15 * 1024 * 1024 + 1 }))).toMatch(/limit is 15\.0 MB/);
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/jpeg' }, facts(jpeg, { size: 0 }))).toMatch(/empty/);
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/jpeg' }, facts(jpeg, { contentType: 'text/html' }))).toMatch(/uploaded as text\/html/);
    expect(await objectProblem('photos', 'org_a', { contentType: 'image/jpeg' }, facts(jpeg, { orgMetadata: 'org_b' }))).toMatch(/not tagged for your organization/);
    // A PDF is a fine document but not a photo.
    expect(await objectProblem('photos', 'org_a', { contentType: 'application/pdf' }, facts(makePdf(), { contentType: 'application/pdf' }))).toMatch(/not application\/pdf|contents/);
  });
});
