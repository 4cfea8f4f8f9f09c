import type { Metadata } from 'next';
import Link from 'next/link';
import { BrandMark } from '@/components/brand-mark';

const features = [
  {
    title: 'Stormwater inspections',
    body: 'Routine and post-storm SWPPP inspections with BMP checklists, photos and signatures, due dates tracked per permit.',
  },
  {
    title: 'OSHA safety forms',
    body: 'Daily safety checklists and incident reports your crews fill in on a phone, even on a muddy site.',
  },
  {
    title: 'Audit-ready records',
    body: 'Every change is logged. Violations and corrective actions carry deadlines until they are closed.',
  },
] as const;

// The one page search engines may index (app/robots.ts; every other page inherits the root layout's noindex).
export const metadata: Metadata = { robots: { index: true, follow: true } };

// Public landing page: no auth, no database.
export default function HomePage() {
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <header className="border-b border-slate-200">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-4 px-4 sm:px-6">
          <span className="flex items-center gap-2 font-semibold text-slate-900">
            <BrandMark />
            BrAve Forms
          </span>
          <Link
            href="/sign-in"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Sign in
          </Link>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <section className="bg-linear-to-b from-brand-50 to-white">
          <div className="mx-auto max-w-5xl px-4 pt-12 pb-10 sm:px-6 sm:py-20">
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">EPA stormwater · OSHA safety</p>
            <h1 className="mt-3 max-w-2xl text-3xl font-bold tracking-tight text-balance text-slate-900 sm:text-5xl">
              Site compliance, done from the field
            </h1>
            <p className="mt-4 max-w-2xl text-base text-pretty text-slate-700 sm:text-lg">
              BrAve Forms helps construction companies run stormwater and safety inspections on every job site, catch
              rain-triggered deadlines, and hand an inspector complete records on request.
            </p>
            <Link
              href="/sign-in"
              className="mt-8 inline-flex min-h-12 items-center rounded-md bg-brand-700 px-6 text-base font-semibold text-white hover:bg-brand-800"
            >
              Sign in to your account
            </Link>
          </div>
        </section>

        <section aria-labelledby="features-heading" className="mx-auto max-w-5xl px-4 pt-2 pb-10 sm:px-6 sm:py-14">
          <h2 id="features-heading" className="sr-only">
            What it covers
          </h2>
          <ul className="grid gap-4 sm:grid-cols-3">
            {features.map((feature) => (
              <li key={feature.title} className="rounded-lg border border-slate-200 p-5">
                <h3 className="font-semibold text-slate-900">{feature.title}</h3>
                <p className="mt-2 text-sm text-slate-600">{feature.body}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>

      <footer className="border-t border-slate-200">
        <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-600 sm:px-6">
          BrAve Forms · EPA stormwater and OSHA safety compliance
        </p>
      </footer>
    </div>
  );
}
