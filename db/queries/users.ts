import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '../schema';
import type { Tx } from '../tenant';

export type NewUser = Omit<typeof users.$inferInsert, 'emailNormalized' | 'createdAt' | 'updatedAt'>;

/** Visible under withIdentity(id) (oneself) or withTenant (members of the tenant). */
export async function getUser(tx: Tx, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** Insert or refresh a user (Clerk webhook sync); runs as that user (RLS: id = current user). */
export async function upsertUser(tx: Tx, user: NewUser) {
  const values = { ...user, emailNormalized: user.email.trim().toLowerCase() };
  await tx
    .insert(users)
    .values(values)
    .onConflictDoUpdate({
      target: users.id,
      set: {
        email: values.email,
        emailNormalized: values.emailNormalized,
        firstName: values.firstName,
        lastName: values.lastName,
        imageUrl: values.imageUrl,
        updatedAt: new Date(),
      },
    });
}

/** Insert only if missing: a membership event carries a partial user, never better than user.* events. */
export async function insertUserIfMissing(tx: Tx, user: NewUser) {
  await tx
    .insert(users)
    .values({ ...user, emailNormalized: user.email.trim().toLowerCase() })
    .onConflictDoNothing();
}

export async function deleteUser(tx: Tx, id: string) {
  await tx.delete(users).where(eq(users.id, id));
}
