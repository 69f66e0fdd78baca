// The export job on the queue: one export written per job, retried when it fails for a reason
// other than the request itself (a database restart, an instance stopped mid-way).
import { DomainError } from "../errors.ts";
import type { AppContext } from "../http/context.ts";
import type { Jobs } from "../jobs/queue.ts";
import { REPORT_EXPORT_JOB, runExport } from "./service.ts";

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
}
