/**
 * What each kind of file may be: the content types a client may declare, what
 * the file's first bytes must then look like (file-type's detection), and the
 * size limit. Never html, svg or script: a stored file is served from our
 * bucket, so anything a browser would run is refused at the door.
 */
export type FileKind = 'photos' | 'documents' | 'logos';

const MB = 1024 * 1024;

/** Declared type → the types the magic bytes may show for it. */
const PHOTO_TYPES: Record<string, readonly string[]> = {
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png'],
  'image/webp': ['image/webp'],
  'image/heic': ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  'image/heif': ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCUMENT_TYPES: Record<string, readonly string[]> = {
  ...PHOTO_TYPES,
  'application/pdf': ['application/pdf'],
  // Office Open XML is a zip; from its first bytes file-type sees the zip or, when the
  // first entry tells, the exact type.
  [DOCX]: [DOCX, 'application/zip'],
  [XLSX]: [XLSX, 'application/zip'],
  // Legacy Office files are OLE compound files.
  'application/msword': ['application/x-cfb'],
  'application/vnd.ms-excel': ['application/x-cfb'],
};

/** The report PDF embeds the logo, and pdfkit draws only PNG and JPEG. */
const LOGO_TYPES: Record<string, readonly string[]> = {
  'image/png': ['image/png'],
  'image/jpeg': ['image/jpeg'],
};

export const FILE_RULES: Record<FileKind, { maxBytes: number; types: Record<string, readonly string[]> }> = {
  photos: { maxBytes: 15 * MB, types: PHOTO_TYPES },
  documents: { maxBytes: 50 * MB, types: DOCUMENT_TYPES },
  // Small enough to pass through a server action (Next's default body limit is 1 MB).
  logos: { maxBytes: MB / 2, types: LOGO_TYPES },
};

export const PHOTO_CONTENT_TYPES = Object.keys(PHOTO_TYPES) as [string, ...string[]];
export const DOCUMENT_CONTENT_TYPES = Object.keys(DOCUMENT_TYPES) as [string, ...string[]];

/** Whether the detected type (from magic bytes) is one the declared type allows. */
export function magicMatches(kind: FileKind, declared: string, detected: string | undefined): boolean {
  if (!detected) return false;
  return FILE_RULES[kind].types[declared]?.includes(detected) ?? false;
}

/** Images are shown in the page; everything else downloads. */
export function isInlineType(contentType: string): boolean {
  return Object.hasOwn(PHOTO_TYPES, contentType);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < MB) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 * MB) return `${(n / MB).toFixed(1)} MB`;
  return `${(n / (1024 * MB)).toFixed(2)} GB`;
}
