// Users: each has one role and is scoped to an organisation subtree.
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { organisations } from "../../db/schema/organisations.ts";
import { ROLES } from "../../domain/access.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { DomainError, invalidInput } from "../errors.ts";
import { insertUser, userByName } from "./repository.ts";

export const newUserSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,40}$/, "3–40 chữ thường, số, dấu chấm, gạch"),
  displayName: z.string().trim().min(1).max(120),
  email: z.email().optional(),
  password: z.string().min(10).max(200),
  role: z.enum(ROLES),
  scopeOrganisationId: z.number().int().positive().nullable(),
});
export type NewUser = z.infer<typeof newUserSchema>;

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 });
}

export async function createUser(db: Db, input: NewUser, actor: Actor): Promise<number> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success)
    throw invalidInput(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const u = parsed.data;
  const passwordHash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    if (await userByName(tx, u.username))
      throw new DomainError("duplicate-user", 409, { username: u.username });
    if (u.scopeOrganisationId !== null) {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, u.scopeOrganisationId));
      if (!org)
        throw new DomainError("not-found", 404, {
          entity: "organisation",
          id: String(u.scopeOrganisationId),
        });
    }
    const id = await insertUser(tx, {
      username: u.username,
      displayName: u.displayName,
      email: u.email ?? null,
      passwordHash,
      role: u.role,
      scopeOrganisationId: u.scopeOrganisationId,
    });
    await appendAudit(tx, actor, {
      action: "user.create",
      entity: "user",
      entityId: id,
      after: { username: u.username, role: u.role, scopeOrganisationId: u.scopeOrganisationId },
    });
    return id;
  });
}
