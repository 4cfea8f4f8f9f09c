import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHref } from './html';

describe('html', () => {
  it('escapes every interpolated string, including nested arrays', () => {
    const evil = `<script>alert("x")</script>' onmouseover='y`;
    const out = html`<p title="${evil}">${evil}${[evil, html`<b>${evil}</b>`]}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain(`' onmouseover='`);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;y');
    expect(out.match(/<b>/g)).toHaveLength(1); // only the fragment's own markup survives
  });

  it('passes fragments through unescaped and drops null, undefined and false', () => {
    expect(html`${html`<i>a</i>`}${null}${undefined}${false}${0}`.value).toBe('<i>a</i>0');
  });

  it('control: a plain string that looks like a fragment is still escaped', () => {
    const forged = { value: '<script>x</script>' } as unknown as string;
    expect(html`${forged}`.value).toBe('[object Object]');
    expect(escapeHtml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('safeHref keeps http(s), digit-only tel: links and sealed file paths, turns the rest into #', () => {
    expect(safeHref('https://www.epa.gov/x')).toBe('https://www.epa.gov/x');
    expect(safeHref('tel:+15125550100')).toBe('tel:+15125550100');
    expect(safeHref('/inspect-file/Ab_-9')).toBe('/inspect-file/Ab_-9');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'tel:1;alert(1)',
      '//evil.test',
      '/inspect-file/../projects',
      '/inspect-file/a?b=1',
      '/projects/x',
    ]) {
      expect(safeHref(bad)).toBe('#');
    }
  });
});
