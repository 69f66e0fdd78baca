// Organisations: the reference catalogue loaded into an empty database, and imports of more.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { rows } from "../../db/rows.ts";
import { referenceOrganisations } from "../../reference/catalogue.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { insertOrganisations } from "./repository.ts";

/** Loads the reference organisations when the database has none. Returns how many were added. */
export async function ensureReferenceOrganisations(db: Db, actor: Actor): Promise<number> {
  const [count] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from organisations where code is not null`,
  );
  if ((count?.n ?? 0) > 0) return 0;
  const seeds = referenceOrganisations();
  await db.transaction(async (tx) => {
    await insertOrganisations(tx, seeds);
    await appendAudit(tx, actor, {
      action: "organisation.reference",
      entity: "organisation",
      entityId: null,
      after: { count: seeds.length },
    });
  });
  return seeds.length;
}
