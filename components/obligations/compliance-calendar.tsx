import { Card } from '@/components/ui/card';
import { RainInspectionsChart } from '@/components/charts/rain-inspections-chart';
import { CALENDAR_DAYS, SECTION_LIMIT, type CalendarData } from '@/lib/compliance/calendar-data';
import type { ObligationItem } from '@/lib/compliance/obligation-view';
import { zoneName } from '@/lib/format/when';
import { ObligationList } from './obligation-list';

function Section({
  title,
  items,
  now,
  empty,
  showProject,
  slug,
}: {
  title: string;
  items: ObligationItem[];
  now: Date;
  empty: string;
  showProject: boolean;
  slug: string;
}) {
  return (
    <Card title={`${title} (${items.length >= SECTION_LIMIT ? `${SECTION_LIMIT}+` : items.length})`}>
      {items.length ? (
        <ObligationList items={items} now={now} label={title} showProject={showProject} testId={`calendar-${slug}`} />
      ) : (
        <p data-testid={`calendar-${slug}-empty`}>{empty}</p>
      )}
    </Card>
  );
}

/** The compliance calendar (org or one project): five sections and the rain vs inspections chart. */
export function ComplianceCalendar({ data, now }: { data: CalendarData; now: Date }) {
  const showProject = data.project === null;
  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        Times in {zoneName(data.timeZone, now)} unless a site has its own zone (each time shows its abbreviation).
      </p>
      <div className="mt-5 grid gap-4 lg:grid-cols-2">
        <Section title="Overdue" slug="overdue" items={data.overdue} now={now} showProject={showProject} empty="Nothing overdue." />
        <Section title="Due today" slug="due-today" items={data.dueToday} now={now} showProject={showProject} empty="Nothing else due today." />
        <Section
          title={`Upcoming, next ${CALENDAR_DAYS} days`}
          slug="upcoming"
          items={data.upcoming}
          now={now}
          showProject={showProject}
          empty="Nothing due in the next 30 days."
        />
        <Section
          title={`Met late, last ${CALENDAR_DAYS} days`}
          slug="met-late"
          items={data.metLate}
          now={now}
          showProject={showProject}
          empty="Nothing met late."
        />
        <Section
          title={`Met on time, last ${CALENDAR_DAYS} days`}
          slug="met"
          items={data.metOnTime}
          now={now}
          showProject={showProject}
          empty="Nothing met in the last 30 days."
        />
        <Card title={`Rain and inspections, last ${CALENDAR_DAYS} days`}>
          <RainInspectionsChart
            title={`Rain per day and inspections done, last ${CALENDAR_DAYS} days`}
            days={data.days}
            thresholdInches={data.thresholdInches}
          />
        </Card>
      </div>
    </>
  );
}
