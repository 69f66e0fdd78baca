// A report of a body in a cycle, for tests that need one on each side of a scope (the access matrix).
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.ts";
import { reportingCycleBodies, reportingCycles } from "../../src/db/schema/reporting.ts";
import { type Frequency, monthsIn, periodOf, shiftMonth } from "../../src/domain/period.ts";
import { cliActor } from "../../src/server/audit/repository.ts";
import { submitReport } from "../../src/server/reports/service.ts";

/** Makes the body owe the cycle and submits its report for the last finished period; returns its id. */
export async function reportOf(
  db: Db,
  cycleId: number,
  organisationId: number,
  today: string,
): Promise<number> {
  await db.insert(reportingCycleBodies).values({ cycleId, organisationId }).onConflictDoNothing();
  const [cycle] = await db
    .select({ frequency: reportingCycles.frequency })
    .from(reportingCycles)
    .where(eq(reportingCycles.id, cycleId));
  const frequency = (cycle?.frequency ?? "annual") as Frequency;
  const period = periodOf(frequency, shiftMonth(today, -monthsIn(frequency))).key;
  return submitReport(
    db,
    { cycleId, organisationId, period, content: "Báo cáo kết quả thực hiện (kiểm thử phạm vi)." },
    cliActor,
  );
}
