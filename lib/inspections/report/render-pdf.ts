import 'server-only';
import PDFDocument from 'pdfkit';
import { formatDateTime, zoneName } from '@/lib/format/when';
import { groupedHash } from '@/lib/inspections/record-hash';
import { INSPECTION_TYPE_LABELS } from '@/lib/zod/schemas/inspections';
import type { ReportData } from './load-report';

/*
 * The signed inspection as a PDF a permitting authority can file (2022 CGP
 * Part 4.7.1 lists what an inspection report holds). pdfkit lays out text,
 * tables and images itself (docs/architecture.md says why pdfkit); the
 * standard Helvetica fonts need no font files of ours but only cover
 * WinAnsi, so every label here stays in that character set.
 */

const MARGIN = 54;
const INK = '#0f172a';
const MUTED = '#475569';
const RESULT = { pass: 'Pass', fail: 'FAIL', na: 'N/A' } as const;

type Doc = InstanceType<typeof PDFDocument>;

interface BmpRow {
  bmpCategoryKey?: string;
  item?: string;
  label?: string;
  result?: keyof typeof RESULT;
  note?: string;
}

/** The signer is the person who walked the site: the signature's qualifications are the inspector's. */
const performerSigned = (i: ReportData['inspection']) =>
  !i.inspectorName || !i.signatureName || i.inspectorName.trim().toLowerCase() === i.signatureName.trim().toLowerCase();

function heading(doc: Doc, title: string) {
  // A heading never sits alone at the foot of a page.
  if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor(INK).text(title.toUpperCase(), { characterSpacing: 0.5 });
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#94a3b8').stroke();
  doc.moveDown(0.4);
}

/** "Label: value" lines; a missing value is printed as such, never left blank (a blank reads as "forgot"). */
function fields(doc: Doc, rows: [string, string | null | undefined][]) {
  for (const [label, value] of rows) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text(`${label}: `, { continued: true });
    doc.font('Helvetica').fillColor(INK).text(value?.trim() ? value : 'Not recorded');
  }
}

function paragraph(doc: Doc, value: string | null | undefined, empty = 'None recorded.') {
  doc.font('Helvetica').fontSize(10).fillColor(INK).text(value?.trim() ? value : empty);
}

function bmpTable(doc: Doc, data: ReportData) {
  const rows = (Array.isArray(data.inspection.bmpResults) ? data.inspection.bmpResults : []) as BmpRow[];
  if (!rows.length) return paragraph(doc, null, 'No BMP checklist results were recorded.');
  const header = ['Category', 'Control (BMP)', 'Result', 'Note'].map((text) => ({ text, type: 'TH' as const, font: { src: 'Helvetica-Bold' }, backgroundColor: '#e2e8f0' }));
  doc.font('Helvetica').fontSize(9).fillColor(INK);
  doc.table({
    columnStyles: [88, '*', 40, 170],
    defaultStyle: { padding: [3, 4, 3, 4], borderColor: '#94a3b8', border: 0.5 },
    data: [
      header,
      ...rows.map((r) => [
        data.bmpCategoryNames.get(r.bmpCategoryKey ?? '') ?? r.bmpCategoryKey ?? '',
        r.label ?? r.item ?? '',
        r.result ? { text: RESULT[r.result] ?? r.result, font: r.result === 'fail' ? { src: 'Helvetica-Bold' } : undefined } : '',
        r.note ?? '',
      ]),
    ],
  });
}

function correctiveActions(doc: Doc, data: ReportData) {
  if (!data.findings.length) return paragraph(doc, null, 'No violations were recorded from this inspection.');
  const tz = data.timeZone;
  for (const [n, f] of data.findings.entries()) {
    const v = f.violation;
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`${n + 1}. ${f.typeName ?? 'Violation'} (${v.status.replace('_', ' ')})`);
    fields(doc, [
      ['Description', v.description],
      ['Location', v.location],
      ['Found', formatDateTime(v.foundAt, tz)],
      ['Deadline', formatDateTime(v.deadline, tz)],
    ]);
    if (!f.actions.length) paragraph(doc, null, 'No corrective action recorded yet.');
    for (const a of f.actions) {
      const done = a.verifiedAt ? `verified ${formatDateTime(a.verifiedAt, tz)}` : a.fixedAt ? `fixed ${formatDateTime(a.fixedAt, tz)}` : a.status.replace('_', ' ');
      doc.font('Helvetica').fontSize(10).fillColor(INK).text(`Corrective action: ${a.description} - due ${formatDateTime(a.dueAt, tz)}; ${done}.`, { indent: 12 });
    }
    doc.moveDown(0.4);
  }
}

function photos(doc: Doc, data: ReportData) {
  if (!data.photos.length) return paragraph(doc, null, 'No photos were attached.');
  const size = (doc.page.width - 2 * MARGIN - 18) / 2;
  for (const [n, p] of data.photos.entries()) {
    if (n % 2 === 0 && doc.y + size + 30 > doc.page.height - MARGIN) doc.addPage();
    const x = MARGIN + (n % 2) * (size + 18);
    const y = doc.y;
    doc.image(p.jpeg, x, y, { fit: [size, size * 0.75], align: 'center', valign: 'center' });
    const caption = `Photo ${n + 1}: ${p.caption}${p.takenAt ? ` (taken ${formatDateTime(p.takenAt, data.timeZone)})` : ''}`;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(caption, x, y + size * 0.75 + 3, { width: size });
    doc.x = MARGIN;
    doc.y = n % 2 === 0 && n + 1 < data.photos.length ? y : Math.max(doc.y, y + size * 0.75 + 24);
  }
}

function integrity(doc: Doc, data: ReportData) {
  const stored = data.inspection.recordSha256!;
  doc.font('Helvetica').fontSize(9).fillColor(INK).text(
    `SHA-256 of the signed record (canonical JSON, RFC 8785, record format v${data.inspection.recordHashVersion}), stored when it was signed:`,
  );
  doc.font('Courier-Bold').fontSize(10).text(groupedHash(stored));
  doc.font('Courier').fontSize(7).fillColor(MUTED).text(`sha256:${stored}`);
  if (data.recomputedSha256 !== stored) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#b91c1c').text(`WARNING: the record as stored now hashes to ${data.recomputedSha256}. It does not match the digest taken at signing.`);
  }
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor(INK);
  if (data.verifyUrl) {
    doc.text('Verify: open ', { continued: true })
      .fillColor('#1d4ed8')
      .text(data.verifyUrl, { link: data.verifyUrl, underline: true, continued: true })
      .fillColor(INK)
      .text(' - the site\'s public inspector page lists this inspection with the same SHA-256 once it is published.');
  } else {
    doc.text(
      `Verify: scan the QR code posted at the site (it opens ${data.publicPageOrigin}/inspect/...). The site's public inspector page lists this inspection (${data.inspection.id}) with the same SHA-256 once it is published.`,
    );
  }
}

/** Page footers, written once every page exists (bufferPages). */
function footers(doc: Doc, data: ReportData) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN + 18;
    doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(
      `Inspection ${data.inspection.id} - revision ${data.inspection.revision} - SHA-256 ${data.inspection.recordSha256!.slice(0, 16)}... - page ${i + 1} of ${range.count}`,
      MARGIN,
      y,
      { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false, height: 10 },
    );
  }
}

/** The report as PDF bytes. */
export function renderInspectionPdf(data: ReportData): Promise<Buffer> {
  const { inspection: i, project, timeZone: tz } = data;
  const inspectedAt = i.inspectedAt ?? i.signedAt!;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: `Stormwater inspection report - ${project.name} - ${formatDateTime(inspectedAt, tz)}`,
      Author: data.operator,
      Subject: `Permit ${project.npdesPermitId ?? 'not recorded'}; record SHA-256 ${i.recordSha256}`,
      Creator: 'BrAve Forms',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (data.logo) {
    // Top right, beside the title; the text cursor stays where the title starts.
    const top = doc.y;
    doc.image(data.logo, doc.page.width - MARGIN - 150, MARGIN, { fit: [150, 48], align: 'right' });
    doc.y = top;
  }
  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text('Stormwater Inspection Report');
  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('EPA 2022 Construction General Permit, Part 4 (site inspections) - signed record');
  doc.text(`Times are in ${zoneName(tz, inspectedAt)}.`);

  heading(doc, 'Operator and site');
  fields(doc, [
    ['Operator', data.operator],
    ['Permit tracking number (NPDES ID)', project.npdesPermitId],
    ['Site', project.name],
    ['Address', project.address],
    ['Receiving water', project.receivingWater],
  ]);

  heading(doc, 'Inspection');
  fields(doc, [
    ['Type', INSPECTION_TYPE_LABELS[i.type]],
    ['Date and time', formatDateTime(inspectedAt, tz)],
    ['Inspector', i.inspectorName ?? i.signatureName],
    ['Title', i.inspectorTitle],
    ['Qualifications', data.qualifications ?? (performerSigned(i) ? i.signatureQualifications : null) ?? 'not recorded'],
    ['Revision', i.amendsInspectionId ? `${i.revision} (amends inspection ${i.amendsInspectionId})` : String(i.revision)],
  ]);

  heading(doc, 'Weather and rainfall');
  const rain = data.rainEvents.map((e) => `${e.amountInches} in starting ${formatDateTime(e.startedAt, tz)}${e.source ? ` (${e.source})` : ''}`);
  fields(doc, [
    ['Weather at the time of inspection', data.weather],
    ['Rain gauge reading', i.rainGaugeInches ? `${i.rainGaugeInches} in` : null],
    ['Rain events in the 7 days before', rain.length ? rain.join('; ') : 'None recorded'],
    ['Discharge occurring at the time of inspection', data.dischargeOccurring],
  ]);

  heading(doc, 'Stormwater controls (BMPs)');
  bmpTable(doc, data);

  heading(doc, 'Findings');
  doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text('Conditions observed');
  paragraph(doc, i.findings);
  doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text('Areas not inspected and why');
  paragraph(doc, i.areasNotInspected, 'None: every area was inspected.');

  heading(doc, 'Violations and corrective actions');
  correctiveActions(doc, data);

  heading(doc, 'Photos');
  photos(doc, data);

  heading(doc, 'Certification');
  paragraph(doc, i.signatureStatement);
  doc.moveDown(0.4);
  fields(doc, [
    ['Signed by', i.signatureName],
    ['Title', i.signatureTitle ?? i.inspectorTitle],
    ['Qualifications (CGP Part 4.1.1 qualified person)', i.signatureQualifications ?? 'not recorded (signed before the report asked)'],
    ['Signed at', formatDateTime(i.signedAt!, tz)],
  ]);

  heading(doc, 'Record integrity');
  integrity(doc, data);

  footers(doc, data);
  doc.end();
  return done;
}
