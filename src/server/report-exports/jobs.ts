// The export job on the queue: one export written per job, retried when it fails for a reason
// other than the request itself (a database restarted, an instance stopped mid-way); at start, exports
// whose job the queue lost (a restored backup carries no queue) are queued again.
import { sql } from "drizzle-orm";
import { DomainError } from "../errors.ts";
import type { AppContext } from "../http/context.ts";
import type { Jobs } from "../jobs/queue.ts";
import { REPORT_EXPORT_JOB, runExport } from "./service.ts";
import { exportsWithoutJob } from "./store.ts";

export async function startReportExportJobs(
  jobs: Jobs,
  ctx: Pick<AppContext, "database" | "db" | "today" | "instance">,
): Promise<void> {
  await jobs.define<{ exportId: number }>({
    name: REPORT_EXPORT_JOB,
    // a refusal (the document gone meanwhile) is stored on the export: trying again changes nothing
    handle: (job) =>
      runExport(ctx, job.exportId).catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
      }),
    retryLimit: 2,
    retryDelay: 30,
    retryBackoff: true,
    // a national workbook takes about a minute: ten leave room for a loaded server
    expireInSeconds: 600,
  });
  // under a lock, in one transaction: instances starting together queue each lost export once
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('trienkhai:report-export-requeue'))`);
    const lost = await exportsWithoutJob(tx, REPORT_EXPORT_JOB);
    await jobs.insertInTransaction(
      tx,
      lost.map((exportId) => ({ name: REPORT_EXPORT_JOB, data: { exportId } })),
    );
  });
}
