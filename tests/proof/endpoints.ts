/**
 * Discovery of every endpoint the app exposes: route handlers (app/**\/route.ts)
 * and server actions (any module whose first statement is 'use server'). The
 * proof suites iterate this list, so a new endpoint is covered without
 * editing them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { endpointMeta, type EndpointMeta } from '@/lib/endpoints/registry';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'lib', 'components'];
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export interface Endpoint {
  file: string;
  exportName: string;
  kind: 'action' | 'route';
  /** For routes: the URL pattern, e.g. /api/v1/projects/[id]. */
  path?: string;
  fn: (...args: never[]) => unknown;
  meta: EndpointMeta | undefined;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const isServerActionModule = (source: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source);

/** Files only: cheap, and lets a test assert the list is not empty before importing. */
export function endpointFiles(): { file: string; kind: 'action' | 'route' }[] {
  const files = SOURCE_DIRS.flatMap((d) => walk(path.join(ROOT, d)));
  const out: { file: string; kind: 'action' | 'route' }[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    if (/^app\/.*\/route\.tsx?$/.test(rel)) out.push({ file: rel, kind: 'route' });
    else if (isServerActionModule(fs.readFileSync(file, 'utf8'))) out.push({ file: rel, kind: 'action' });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** `app/api/v1/projects/[id]/route.ts` → `/api/v1/projects/[id]` (route groups dropped). */
export function routePath(file: string): string {
  const segments = path
    .dirname(file)
    .split('/')
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

/** Import every endpoint module and list its exported handlers with their tags. */
export async function discoverEndpoints(): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const { file, kind } of endpointFiles()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      if (kind === 'route' && !HTTP_METHODS.has(exportName)) continue;
      endpoints.push({
        file,
        exportName,
        kind,
        path: kind === 'route' ? routePath(file) : undefined,
        fn: value as Endpoint['fn'],
        meta: endpointMeta(value),
      });
    }
  }
  return endpoints;
}
