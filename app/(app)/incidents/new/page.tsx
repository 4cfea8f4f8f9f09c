import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { IncidentForm } from '../_components/incident-form';
import { loadIncidents } from '../load-incidents';

export const metadata: Metadata = { title: 'Report an incident' };

export default async function NewIncidentPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:incidents:write');
  const { projects } = await loadIncidents(ctx, new Date());
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/incidents" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">
        ← Incidents
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Report an incident</h1>
      <p className="text-sm text-slate-600">
        A work-related injury or illness. Fatalities must be reported to OSHA within 8 hours, in-patient hospitalizations,
        amputations and losses of an eye within 24 hours, counted from when the company learned of them (29 CFR 1904.39).
      </p>
      <IncidentForm projects={projects} idempotencyKey={randomUUID()} />
    </div>
  );
}
