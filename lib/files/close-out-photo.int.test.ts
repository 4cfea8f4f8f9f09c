/**
 * The org setting "fixed requires a photo": a corrective action can't be
 * marked fixed without a stored close-out photo; with the setting off it can.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { correctiveActions } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { actAs } from '@/tests/support/auth-mock';
import { rowFactories, seedTenant, type TenantGraph } from '@/tests/support/factories';
import { makeJpeg } from '@/tests/support/photo-fixtures';
import { postUpload } from '@/tests/support/storage';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { advanceCorrectiveActionAction } = await import('@/app/(app)/violations/actions/advance-corrective-action');
const { setCloseOutPhotoRuleAction } = await import('@/app/(app)/violations/actions/set-close-out-photo-rule');
const { requestPhotoUploadAction } = await import('@/app/(app)/photos/actions/request-photo-upload');
const { confirmPhotoUploadAction } = await import('@/app/(app)/photos/actions/confirm-photo-upload');

let a: TenantGraph;
let b: TenantGraph;
/** A corrective action assigned to the tenant's member (crews move only their own). */
const newAction = (t: TenantGraph) =>
  withTenant({ orgId: t.orgId, userId: t.userId }, async (tx) => {
    const id = await rowFactories.corrective_actions(tx, t.orgId, t.keys);
    await tx.update(correctiveActions).set({ assignedTo: t.userId }).where(and(eq(correctiveActions.organizationId, t.orgId), eq(correctiveActions.id, id)));
    return id;
  });

beforeAll(async () => {
  a = await seedTenant('closeout_a');
  b = await seedTenant('closeout_b');
});

describe('fixed requires a close-out photo', () => {
  it('only owners/admins change the setting; it is audited', async () => {
    actAs({ userId: a.userId, orgId: a.orgId, role: 'crew' });
    expect((await setCloseOutPhotoRuleAction(null, { fixedRequiresPhoto: true })).ok).toBe(false);
    actAs({ userId: a.userId, orgId: a.orgId, role: 'owner' });
    expect(await setCloseOutPhotoRuleAction(null, { fixedRequiresPhoto: 'on' })).toEqual({ ok: true, data: { fixedRequiresPhoto: true } });
    const audit = await withTenant({ orgId: a.orgId, userId: a.userId }, (tx) =>
      tx.execute<{ before: unknown; after: unknown }>(sql`select before, after from audit_log where entity_type = 'compliance_settings'`),
    );
    // The old value is this organization's own (read by the same filtered update that changed it).
    expect([...audit]).toEqual([{ before: { fixedRequiresPhoto: false }, after: { fixedRequiresPhoto: true } }]);
  });

  it('refuses "fixed" without a photo, allows it once a close-out photo is stored', async () => {
    const id = await newAction(a);
    actAs({ userId: a.userId, orgId: a.orgId, role: 'crew' });
    expect(await advanceCorrectiveActionAction(null, { id, to: 'fixed' })).toEqual({
      ok: false,
      formError: 'Attach a close-out photo before marking this fixed (your organization requires one).',
    });
    const jpeg = await makeJpeg();
    const ticket = await requestPhotoUploadAction(null, { correctiveActionId: id, fileName: 'fixed.jpg', contentType: 'image/jpeg', sizeBytes: jpeg.length });
    if (!ticket.ok) throw new Error(JSON.stringify(ticket));
    // Uploaded but not confirmed: still refused (only stored photos count).
    await postUpload(ticket.data.upload, jpeg);
    expect((await advanceCorrectiveActionAction(null, { id, to: 'fixed' })).ok).toBe(false);
    expect((await confirmPhotoUploadAction(null, { id: ticket.data.id })).ok).toBe(true);
    expect(await advanceCorrectiveActionAction(null, { id, to: 'fixed' })).toEqual({ ok: true, data: { id, status: 'fixed' } });
  });

  it("another tenant's action id is still a plain 404, not the photo message", async () => {
    const id = await newAction(a);
    actAs({ userId: b.userId, orgId: b.orgId, role: 'owner' });
    await setCloseOutPhotoRuleAction(null, { fixedRequiresPhoto: true });
    expect(await advanceCorrectiveActionAction(null, { id, to: 'fixed' })).toEqual({ ok: false, formError: 'Not found.' });
  });

  it('with the setting off, fixed needs no photo (control)', async () => {
    actAs({ userId: a.userId, orgId: a.orgId, role: 'owner' });
    await setCloseOutPhotoRuleAction(null, { fixedRequiresPhoto: false });
    const id = await newAction(a);
    expect(await advanceCorrectiveActionAction(null, { id, to: 'fixed' })).toMatchObject({ ok: true });
  });
});
