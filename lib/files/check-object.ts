import { fileTypeFromBuffer } from 'file-type';
import type { ObjectFacts } from '@/lib/storage/objects';
import { FILE_RULES, formatBytes, magicMatches, type FileKind } from '@/lib/storage/rules';

const LABEL: Record<string, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/webp': 'a WebP image',
  'image/heic': 'a HEIC photo',
  'image/heif': 'a HEIF photo',
  'application/pdf': 'a PDF',
};

/**
 * Why an uploaded object must not become `stored`, or null when it may. Every
 * check is the server's own: S3 policies can't be trusted to have run (s3rver
 * runs none), and the client can lie about everything it sent.
 */
export async function objectProblem(
  kind: FileKind,
  orgId: string,
  row: { contentType: string },
  facts: ObjectFacts,
): Promise<string | null> {
  const max = FILE_RULES[kind].maxBytes;
  if (facts.orgMetadata !== orgId) return 'The uploaded file is not tagged for your organization; it was deleted.';
  if (facts.size === 0) return 'The uploaded file is empty.';
  if (facts.size > max) return `The uploaded file is ${formatBytes(facts.size)}; the limit is ${formatBytes(max)}.`;
  if (facts.contentType !== row.contentType) {
    return `The file was uploaded as ${facts.contentType ?? 'an unknown type'}, not as the ${row.contentType} it was declared.`;
  }
  const detected = (await fileTypeFromBuffer(facts.head).catch(() => undefined))?.mime;
  if (!magicMatches(kind, row.contentType, detected)) {
    const looks = detected ? `it looks like ${detected}` : 'its contents match no allowed file type';
    return `The file's contents are not ${LABEL[row.contentType] ?? row.contentType}: ${looks}.`;
  }
  return null;
}
