// Liveness: the version and the kind of database, without touching it.
import { z } from "zod";
import { packageVersion } from "../../version.ts";
import type { Routes } from "../http/context.ts";

export const healthSchema = z.object({
  status: z.literal("ok"),
  version: z.string(),
  database: z.enum(["pglite", "postgres"]),
});

export const healthRoutes: Routes = async (app, ctx) => {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: { tags: ["system"], summary: "Liveness", response: { 200: healthSchema } },
    },
    async () => ({ status: "ok" as const, version: packageVersion, database: ctx.database.kind }),
  );
};
