// The environment, read and checked once at start; everything else receives typed config.
import { join, resolve } from "node:path";
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  TRIENKHAI_DATA_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  TRIENKHAI_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded database's directory inside the data directory. */
  pgliteDir: string;
  port: number;
  host: string;
  /** Fixed "today" for demos and tests; the real date otherwise. */
  today: () => string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.TRIENKHAI_DATA_DIR ?? "./data");
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: join(dataDir, "pglite"),
    port: e.PORT,
    host: e.HOST,
    today: () => e.TRIENKHAI_TODAY ?? new Date().toISOString().slice(0, 10),
  };
}
