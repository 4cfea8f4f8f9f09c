/** The bar chart bench/report.svg that report.md embeds: one bar per ratio, a red tick at its target. */
import type { Row } from '../report-rows';

export function svg(list: Row[]): string {
  const bars = list.filter((l) => l.chart).map((l) => l.chart!);
  const max = Math.max(
    2,
    ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)),
    ...bars.map((b) => b.target ?? 0),
  );
  const W = 820;
  const left = 300;
  const bw = W - left - 70;
  const rowH = 22;
  const H = 40 + bars.length * rowH + 30;
  const sx = (v: number) => left + (Math.min(v, max) / max) * bw;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">BrAve Forms bench — ratios measured side by side (1.00 = parity; red tick = target)</text>`,
    `<line x1="${sx(1)}" y1="30" x2="${sx(1)}" y2="${H - 25}" stroke="#888" stroke-dasharray="3,3"/>`,
    `<text x="${sx(1)}" y="${H - 10}" text-anchor="middle" fill="#555">1.00</text>`,
  ];
  bars.forEach((b, i) => {
    const y = 36 + i * rowH;
    const v = Number.isFinite(b.value) ? b.value : 0;
    const color =
      b.target === undefined ? '#6b8fb5' : (b.target < 1 ? v >= b.target : v <= b.target) ? '#3c9a5f' : '#d9822b';
    parts.push(`<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(
      `<rect x="${left}" y="${y + 3}" width="${Math.max(1, sx(v) - left)}" height="${rowH - 8}" fill="${color}"/>`,
    );
    parts.push(`<text x="${sx(v) + 4}" y="${y + 14}">${v.toFixed(2)}</text>`);
    if (b.target !== undefined)
      parts.push(
        `<line x1="${sx(b.target)}" y1="${y + 1}" x2="${sx(b.target)}" y2="${y + rowH - 3}" stroke="#c00" stroke-width="2"/>`,
      );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
