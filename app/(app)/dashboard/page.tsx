import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Dashboard' };

// Placeholders until the inspection, violation and rain-event queries exist.
const cards = ['Inspections due', 'Overdue', 'Open corrective actions', 'Recent rain'] as const;

export default function DashboardPage() {
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Dashboard</h1>
      <p className="mt-1 text-sm text-slate-600">What needs attention across your projects.</p>

      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        {cards.map((title) => (
          <Card key={title} title={title}>
            <p>No data yet</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
