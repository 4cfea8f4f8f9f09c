'use server';

import { revalidatePath } from 'next/cache';
import { orgTimeZone } from '@/db/queries/dashboard';
import { createInspectorLink } from '@/db/queries/inspector-links';
import { getProject } from '@/db/queries/projects';
import { tenantAction } from '@/lib/actions/tenant-action';
import { PublicError } from '@/lib/api/errors';
import { requestActor } from '@/lib/audit/actor';
import { endOfDayIn } from '@/lib/inspect/link-expiry';
import { posterFor } from '@/lib/inspect/poster-qr';
import { newInspectorToken } from '@/lib/inspect/token';
import { createInspectorLinkSchema } from '@/lib/zod/schemas/inspector-links';

/**
 * A new QR link for a project (audited). The token is returned this once, with
 * the poster's URL and QR code; only its SHA-256 is stored, so a lost poster
 * means a new link, never a lookup.
 */
export const createInspectorLinkAction = tenantAction(
  'org:projects:write',
  createInspectorLinkSchema,
  async ({ projectId, label, expiresOn }, { tx, ctx }) => {
    const project = await getProject(tx, ctx.orgId, projectId);
    if (!project) throw PublicError.notFound();
    const expiresAt = expiresOn ? endOfDayIn(expiresOn, await orgTimeZone(tx, ctx.orgId)) : null;
    if (expiresAt && expiresAt <= new Date()) throw PublicError.badRequest('The expiry date must be today or later.');
    const { token, tokenHash } = newInspectorToken();
    const link = await createInspectorLink(tx, await requestActor(ctx), {
      projectId,
      tokenHash,
      label: label ?? null,
      expiresAt,
    });
    const poster = await posterFor(token);
    revalidatePath(`/projects/${projectId}/inspector-links`);
    return { id: link.id, token, url: poster.url, qrSvg: poster.qrSvg, expiresAt: expiresAt?.toISOString() ?? null };
  },
  // A link opens a project's records to anyone holding it: a sensitive action (docs/auth.md, step-up).
  { stepUp: true },
);
