import type { Metadata } from 'next';
import Link from 'next/link';
import { getBusinessCalendar, getComplianceSettings } from '@/db/queries/compliance-settings';
import { getOrganization } from '@/db/queries/organizations';
import { withTenantRead } from '@/db/tenant';
import { LogoForm } from '@/components/account/logo-form';
import { SettingsForm, type SettingsField } from '@/components/account/settings-form';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/tenant-context';
import { logoUrl } from '@/lib/settings/organization-logo';
import { tenantDefaults } from '@/lib/tenancy/defaults';
import { updateBusinessCalendarAction } from './actions/update-business-calendar';
import { removeOrganizationLogoAction } from './actions/remove-organization-logo';
import { updateComplianceSettingsAction } from './actions/update-compliance-settings';
import { updateOrganizationLogoAction } from './actions/update-organization-logo';
import { updateOrganizationProfileAction } from './actions/update-organization-profile';

export const metadata: Metadata = { title: 'Settings' };

const hourOptions = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

/** The owner's settings: organization profile and compliance rules (docs/settings.md). Every save is audited old → new. */
export default async function SettingsPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:settings:manage');
  const { org, settings, calendar, logo } = await withTenantRead(ctx, async (tx) => {
    const org = await getOrganization(tx, ctx.orgId);
    return { org, settings: await getComplianceSettings(tx, ctx.orgId), calendar: await getBusinessCalendar(tx, ctx.orgId), logo: await logoUrl(ctx.orgId, org) };
  });
  const s = settings ?? {
    ...tenantDefaults.complianceSettings,
    timezone: 'America/New_York',
    businessHoursStart: 5,
    businessHoursEnd: 21,
    fixedRequiresPhoto: false,
    failedBmpRequiresPhoto: false,
  };
  // The saved zone stays selectable even if this runtime's list lacks it (e.g. an alias such as US/Eastern).
  const zones = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', s.timezone])].sort();

  const profile: SettingsField[] = [
    { kind: 'text', name: 'name', label: 'Organization name', value: org?.name ?? '', autoComplete: 'organization', maxLength: 120 },
    { kind: 'text', name: 'operatorName', label: 'Operator of record', hint: 'The permittee named on site notices and inspection reports.', value: org?.operatorName ?? '', maxLength: 200 },
    { kind: 'text', name: 'operatorAddress', label: 'Operator address', value: org?.operatorAddress ?? '', autoComplete: 'street-address', maxLength: 300 },
    { kind: 'tel', name: 'operatorPhone', label: 'Operator phone', value: org?.operatorPhone ?? '', autoComplete: 'tel', maxLength: 40 },
    { kind: 'email', name: 'operatorEmail', label: 'Operator email', value: org?.operatorEmail ?? '', autoComplete: 'email', maxLength: 254 },
  ];
  const compliance: SettingsField[] = [
    { kind: 'number', name: 'rainThresholdInches', label: 'Rain threshold', unit: 'inches', hint: 'A storm of this much rain in 24 hours starts a storm-event inspection (CGP Part 4.2: 0.25 in).', value: s.rainThresholdInches, min: 0.01, max: 10, step: '0.01' },
    { kind: 'number', name: 'inspectionDeadlineHours', label: 'Storm inspection deadline', unit: 'hours', hint: 'How long after such a storm the inspection is due.', value: String(s.inspectionDeadlineHours), min: 1, max: 168, step: '1' },
    { kind: 'number', name: 'retentionYears', label: 'Keep records for', unit: 'years after permit coverage ends', hint: 'At least 3 (CGP Part 4.8); the longer of this and the permit’s rule applies.', value: String(s.retentionYears), min: 3, max: 50, step: '1' },
    { kind: 'select', name: 'timezone', label: 'Default time zone', hint: 'Used where a project has no zone of its own, and for business hours.', value: s.timezone, options: zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') })) },
    { kind: 'select', name: 'businessHoursStart', label: 'Business hours start', value: String(s.businessHoursStart), options: hourOptions },
    { kind: 'select', name: 'businessHoursEnd', label: 'Business hours end', hint: 'Access outside these hours is flagged on the Security page.', value: String(s.businessHoursEnd), options: hourOptions },
    { kind: 'checkbox', name: 'fixedRequiresPhoto', label: 'A corrective action can be marked fixed only with a close-out photo', checked: s.fixedRequiresPhoto },
    { kind: 'checkbox', name: 'failedBmpRequiresPhoto', label: 'A failed BMP needs a photo as well as a note before the inspection can be submitted', checked: s.failedBmpRequiresPhoto },
  ];
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const businessCalendar: SettingsField[] = [
    { kind: 'textarea', name: 'closedDays', label: 'Days the company is closed', hint: 'One date per line (YYYY-MM-DD), e.g. a company holiday. Weekends are never business days.', value: calendar.closedDays.join('\n'), rows: 4, maxLength: 1200 },
    { kind: 'time', name: 'closeOfBusiness', label: 'Close of business', hint: 'Routine maintenance is due by this time on the next business day (CGP Part 2.1.4).', value: hhmm(calendar.closeOfBusinessMinutes) },
    { kind: 'checkbox', name: 'observeUsFederalHolidays', label: 'Closed on US federal holidays (5 U.S.C. 6103, with the Friday / Monday observance)', hint: 'Off by default: a federal holiday then counts as a business day, the earlier deadline.', checked: calendar.observeUsFederalHolidays },
  ];

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every change is recorded in the <Link href="/audit?entityType=compliance_settings" className="font-medium text-brand-700 underline">audit log</Link> with the old and new values.
        </p>
      </div>
      <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Organization profile
        </h2>
        <SettingsForm id="profile" label="Organization profile" action={updateOrganizationProfileAction} fields={profile} columns={2} submitLabel="Save profile" savedMessage="Profile saved." />
        <div className="mt-6 border-t border-slate-200 pt-4">
          <LogoForm currentUrl={logo} upload={updateOrganizationLogoAction} remove={removeOrganizationLogoAction} />
        </div>
      </section>
      <section id="compliance" aria-labelledby="compliance-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="compliance-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Compliance rules
        </h2>
        <SettingsForm id="compliance" label="Compliance rules" action={updateComplianceSettingsAction} fields={compliance} columns={2} submitLabel="Save rules" savedMessage="Rules saved. New deadlines use them from now on." />
      </section>
      <section id="business-calendar" aria-labelledby="calendar-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="calendar-heading" className="mb-1 text-lg font-semibold text-slate-900">
          Business calendar
        </h2>
        <p className="mb-3 text-sm text-slate-600">What “the next business day” means for deadlines. Saving recomputes every active project’s deadlines.</p>
        <SettingsForm id="business-calendar" label="Business calendar" action={updateBusinessCalendarAction} fields={businessCalendar} columns={2} submitLabel="Save calendar" savedMessage="Calendar saved. Deadlines are recomputed." />
      </section>
      <nav aria-label="Account" className="flex flex-wrap gap-3 text-sm">
        <Link href="/members" className="font-medium text-brand-700 underline">Members and roles</Link>
        <Link href="/billing" className="font-medium text-brand-700 underline">Plan and limits</Link>
        <Link href="/usage" className="font-medium text-brand-700 underline">Usage</Link>
        <Link href="/settings/retention" className="font-medium text-brand-700 underline">Retention and legal holds</Link>
        {hasPermission(ctx, 'org:organization:delete') ? (
          <Link href="/settings/delete" className="font-medium text-red-700 underline">Delete organization</Link>
        ) : null}
      </nav>
    </div>
  );
}
