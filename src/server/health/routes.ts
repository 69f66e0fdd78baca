// Liveness (/api/health: the process answers, without touching the database) and readiness
// (/api/ready: the database and the job queue answer), for a load balancer or an orchestrator to
// send traffic only to instances that can serve it.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { packageVersion } from "../../version.ts";
import { DomainError } from "../errors.ts";
import type { Routes } from "../http/context.ts";
import { problemSchema } from "../http/problem.ts";

export const healthSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["pglite", "postgres"]),
});

export const readySchema = z
  .object({
    status: z.literal("ready"),
    database: z.literal("ok"),
    /** "none" when the app runs without background jobs (tests); a server always has them. */
    queue: z.enum(["ok", "none"]),
  })
  .meta({ id: "Readiness" });

/** A probe that has not answered in this time counts as failed: a balancer's check must not hang. */
const PROBE_MS = 2000;

async function answers(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_MS);
  });
  try {
    return await Promise.race([probe().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: { tags: ["system"], summary: "Liveness", response: { 200: healthSchema } },
    },
    async () => ({ status: "ok" as const, version: packageVersion, database: ctx.database.kind }),
  );

  app.get(
    "/api/ready",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Readiness: the database and the job queue answer (503 problem+json otherwise)",
        response: { 200: readySchema, 503: problemSchema },
      },
    },
    async () => {
      if (!(await answers(() => ctx.db.execute(sql`select 1`))))
        throw new DomainError("api-not-ready-database", 503);
      const jobs = ctx.jobs;
      if (jobs && !(await answers(() => jobs.probe()))) throw new DomainError("api-not-ready-queue", 503);
      return {
        status: "ready" as const,
        database: "ok" as const,
        queue: jobs ? ("ok" as const) : ("none" as const),
      };
    },
  );
};
