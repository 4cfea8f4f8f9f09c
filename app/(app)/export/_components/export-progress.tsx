'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ExportView } from '@/lib/export/view';

const POLL_MS = 1500;

/**
 * The running export's progress bar. Polls GET /api/v1/exports/:id and refreshes the page once
 * the export is no longer queued or running (the list then shows the download link or the error).
 */
export function ExportProgress({ initial }: { initial: ExportView }) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/v1/exports/${initial.id}`, { cache: 'no-store' });
        if (!res.ok || stopped) return;
        const next = (await res.json()) as ExportView;
        setView(next);
        if (next.state !== 'queued' && next.state !== 'running') {
          stopped = true;
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [initial.id, router]);

  const label = view.state === 'queued' ? 'Waiting to start…' : `Tables ${view.tablesDone} of ${view.tablesTotal}, files ${view.objectsDone} of ${view.objectsTotal}`;
  return (
    <div className="space-y-2">
      <div className="flex justify-between text-sm text-slate-700">
        <span id="export-progress-label">Export progress</span>
        <span aria-hidden="true">{view.percent}%</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="export-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={view.percent}
        aria-valuetext={`${view.percent}% — ${label}`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${view.percent}%` }} />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {label}
      </p>
    </div>
  );
}
