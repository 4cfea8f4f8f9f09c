import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '../schema';
import type { Tx } from '../tenant';

export type NewUser = Omit<typeof users.$inferInsert, 'emailNormalized' | 'createdAt' | 'updatedAt'>;

/**
 * The acting user's own row (`userId` is always the session's user, never an
 * id from a request: no organization filter could scope a user, who may
 * belong to many).
 */
export async function getUser(tx: Tx, userId: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
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

/** The acting user's own row (Clerk `user.deleted`, under withIdentity(userId)). */
export async function deleteUser(tx: Tx, userId: string) {
  await tx.delete(users).where(eq(users.id, userId));
}
