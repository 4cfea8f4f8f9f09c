import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { projects } from '../schema';
import type { Tx } from '../tenant';

export type NewProject = Omit<typeof projects.$inferInsert, 'organizationId' | 'id'>;

export async function listProjects(tx: Tx, orgId: string, opts: { limit?: number } = {}) {
  return tx
    .select()
    .from(projects)
    .where(eq(projects.organizationId, orgId))
    .orderBy(desc(projects.createdAt))
    .limit(opts.limit ?? 50);
}

export async function getProject(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.organizationId, orgId), eq(projects.id, id)))
    .limit(1);
  return row;
}

export async function insertProject(tx: Tx, orgId: string, values: NewProject) {
  const [row] = await tx.insert(projects).values({ ...values, organizationId: orgId }).returning();
  return row!;
}
