/**
 * A tiny HTML builder for the public page, which is plain server HTML with no
 * client JavaScript (app/inspect/[token]/route.ts). Every interpolated value
 * is escaped unless it is itself an `html` fragment, so text from findings,
 * notes or names can never become markup.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const SAFE = Symbol('safe-html');

export interface Html {
  readonly [SAFE]: true;
  readonly value: string;
}

const fragment = (value: string): Html => ({ [SAFE]: true, value });

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (typeof part === 'object' && SAFE in part) return (part as Html).value;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((p, i) => {
    out += render(p) + (strings[i + 1] ?? '');
  });
  return fragment(out);
}

/**
 * An href only if it is an http(s) or tel: URL we built ourselves, or the
 * page's own sealed file address (lib/inspect/public-files.ts); anything else
 * (javascript:, data:, another path) becomes '#'.
 */
export function safeHref(url: string): string {
  return /^(https?:\/\/|tel:\+?[0-9]+$|\/inspect-file\/[A-Za-z0-9_-]+$)/i.test(url) ? url : '#';
}
