// The audit log: every write appends who, when, what, before and after, and from where.
import type { Db } from "../../db/client.ts";
import { auditLog } from "../../db/schema/users.ts";

export interface Actor {
  id: number | null;
  name: string;
  /** IP address or "cli". */
  origin?: string | undefined;
  requestId?: string | undefined;
}

export const cliActor: Actor = { id: null, name: "cli", origin: "cli" };

export async function appendAudit(
  db: Db,
  actor: Actor,
  entry: {
    action: string;
    entity: string;
    entityId: string | number | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    origin: actor.origin ?? null,
    requestId: actor.requestId ?? null,
  });
}
