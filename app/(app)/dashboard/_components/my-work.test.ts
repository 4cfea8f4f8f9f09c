/**
 * My work shows at most ten rows per section on the phone-first dashboard and
 * says how many more there are, with a link to where they all are; a section
 * of ten or fewer has no such row. Rendered on the server as the page does.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MyWork } from '@/lib/my-work/my-work-data';
import { MyWorkSection } from './my-work';

const now = new Date('2026-12-03T15:00:00Z');
const report = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  type: 'routine' as const,
  inspectedAt: now,
  inspectorName: `Inspector ${i}`,
  projectId: '00000000-0000-4000-8000-000000000001',
  projectName: `Site ${i}`,
  projectTimeZone: 'America/Chicago',
});
const work = (reports: number): MyWork =>
  ({
    orgZone: 'America/Chicago',
    due: null,
    safety: null,
    actions: null,
    toSign: Array.from({ length: reports }, (_, i) => report(i + 1)),
    findings: null,
    reviewsFindings: false,
    drafts: null,
  }) as MyWork;

const signSection = (html: string) => html.slice(html.indexOf('data-testid="my-sign"'));

describe('My work, one section of reports awaiting a signature', () => {
  it('shows ten of 14, the count of all, and "4 more" linking to the submitted reports', () => {
    const html = signSection(renderToStaticMarkup(createElement(MyWorkSection, { work: work(14), now })));
    expect(html).toContain('(14)');
    expect(html.match(/#certification/g)).toHaveLength(10);
    expect(html).toContain('Site 10');
    expect(html).not.toContain('Site 11<');
    expect(html).toContain('4 more: see them all on the inspections page');
    expect(html).toContain('href="/inspections?status=submitted"');
  });

  it('shows all ten of ten and no "more" row', () => {
    const html = signSection(renderToStaticMarkup(createElement(MyWorkSection, { work: work(10), now })));
    expect(html.match(/#certification/g)).toHaveLength(10);
    expect(html).not.toContain('more: see them all');
  });
});
