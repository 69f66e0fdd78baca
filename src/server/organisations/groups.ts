// An organisation group ("UBND các xã thuộc huyện X") stands as the assignee while its members are
// unknown; once they are imported, each open assignment to the group becomes one per member.
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { documents } from "../../db/schema/documents.ts";
import { assignments } from "../../db/schema/tasks.ts";
import { buildDirectory, expandGroup } from "../../domain/resolver.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { groups, loadDirectory } from "./repository.ts";

/** Expands every group whose members are now known. Returns how many assignments were created. */
export async function expandWaitingGroups(db: Db, actor: Actor): Promise<number> {
  const list = await groups(db);
  if (list.length === 0) return 0;
  const dir = buildDirectory(await loadDirectory(db));
  let created = 0;
  for (const g of list) {
    const def = JSON.parse(g.memberKind || "{}") as {
      kinds?: string[];
      ofKind?: string | null;
      unitTypes?: string[] | null;
    };
    const waiting = await db
      .select({ a: assignments, date: documents.date })
      .from(assignments)
      .innerJoin(documents, eq(documents.id, assignments.documentId))
      .where(eq(assignments.organisationId, g.id));
    for (const { a, date } of waiting) {
      const day = date && date.length === 10 ? date : null;
      const members = expandGroup(
        dir,
        {
          memberKinds: def.kinds ?? [],
          level: g.level,
          scopeId: g.scopeId,
          ofKind: def.ofKind ?? undefined,
          unitTypes: def.unitTypes ?? undefined,
        },
        day,
      );
      if (members.length === 0) continue;
      const inserted = await db
        .insert(assignments)
        .values(
          members.map((organisationId) => ({
            taskId: a.taskId,
            documentId: a.documentId,
            organisationId,
            phrase: a.phrase,
            role: a.role,
            resolution: "group",
            deadlineDate: a.deadlineDate,
            recurrence: a.recurrence,
            isKey: a.isKey,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: assignments.id });
      created += inserted.length;
      // the group's own assignment goes unless someone already reported on it: nothing is lost
      if (a.version === 1)
        await db.delete(assignments).where(and(eq(assignments.id, a.id), eq(assignments.version, 1)));
      await appendAudit(db, actor, {
        action: "assignment.expand-group",
        entity: "assignment",
        entityId: a.id,
        before: { organisationId: g.id, group: g.name },
        after: { members, kept: a.version !== 1 },
      });
    }
  }
  return created;
}
