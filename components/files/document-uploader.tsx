'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { confirmDocumentUploadAction } from '@/app/(app)/documents/actions/confirm-document-upload';
import { requestDocumentUploadAction } from '@/app/(app)/documents/actions/request-document-upload';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS } from '@/lib/zod/schemas/files';
import { postToStorage } from './browser-upload';
import { Select, TextInput } from '@/components/ui/text-input';
import { primaryButtonClass } from '@/components/ui/styles';

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,image/jpeg,image/png,image/webp,application/pdf';

/**
 * Upload a project document (or a new version of one: same kind and title).
 * The bytes go straight to storage with a progress bar; the server checks them
 * before the version counts. Failed uploads say why and can be retried.
 */
export function DocumentUploader({ projectId, titles }: { projectId: string; titles: string[] }) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<(typeof DOCUMENT_KINDS)[number]>('swppp');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});

  async function upload() {
    if (!file) return setMessage({ ok: false, text: 'Choose a file first.' });
    setMessage(null);
    setFieldErrors({});
    setProgress(0);
    try {
      const ticket = await requestDocumentUploadAction(null, { projectId, kind, title, fileName: file.name, contentType: file.type, sizeBytes: file.size });
      if (!ticket.ok) {
        setFieldErrors(ticket.fieldErrors ?? {});
        throw new Error(ticket.formError ?? 'The upload was refused.');
      }
      await postToStorage(ticket.data.upload, file, setProgress);
      const done = await confirmDocumentUploadAction(null, { id: ticket.data.id });
      if (!done.ok) throw new Error(done.formError ?? 'The document was refused.');
      setMessage({ ok: true, text: `Saved ${done.data.title} as version ${done.data.version}.` });
      setFile(null);
      setInputKey((k) => k + 1); // clears the file input
      setProgress(null);
      router.refresh();
    } catch (error) {
      setProgress(null);
      setMessage({ ok: false, text: error instanceof Error ? error.message : 'The upload failed.' });
    }
  }

  const err = (k: string) => fieldErrors[k]?.join(' ');
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm font-medium text-slate-800">
          Kind
          <Select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} className="mt-1">
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {DOCUMENT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </label>
        <label className="block text-sm font-medium text-slate-800">
          Title <span className="font-normal text-slate-600">(the same title adds a new version)</span>
          <TextInput
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            list={`${id}-titles`}
            maxLength={200}
            aria-invalid={err('title') ? true : undefined}
            className="mt-1"
          />
          <datalist id={`${id}-titles`}>
            {titles.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          {err('title') ? <span className="text-sm text-red-700">{err('title')}</span> : null}
        </label>
      </div>
      <label className="block text-sm font-medium text-slate-800">
        File (PDF, Word, Excel or an image)
        <input key={inputKey} type="file" accept={ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="mt-1 block min-h-11 w-full text-sm" />
        {err('contentType') || err('sizeBytes') ? <span className="text-sm text-red-700">{err('contentType') ?? err('sizeBytes')}</span> : null}
      </label>
      {progress !== null ? <progress max={1} value={progress} aria-label="Upload progress" className="h-2 w-full accent-brand-700" /> : null}
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={`text-sm font-medium ${message.ok ? 'text-green-800' : 'text-red-700'}`}>
          {message.text}
        </p>
      ) : null}
      <button type="submit" disabled={progress !== null} className={primaryButtonClass}>
        {progress !== null ? `Uploading ${Math.round(progress * 100)}%` : message && !message.ok && file ? 'Retry upload' : 'Upload document'}
      </button>
    </form>
  );
}
