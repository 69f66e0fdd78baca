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
  /** Cookies only over HTTPS: set to 1 behind a TLS-terminating proxy. */
  TRIENKHAI_COOKIE_SECURE: z.enum(["0", "1"]).default("0"),
  TRIENKHAI_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  TRIENKHAI_UPLOAD_MAX_MB: z.coerce.number().positive().max(500).default(25),
  /** Requests per minute per signed-in user (or per IP when anonymous). */
  TRIENKHAI_RATE_LIMIT: z.coerce.number().int().positive().default(1200),
  /** Requests per minute per IP address, signed in or not: many accounts behind one address share it. */
  TRIENKHAI_IP_RATE_LIMIT: z.coerce.number().int().positive().default(6000),
  /** Sign-in attempts per minute per IP address. */
  TRIENKHAI_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(20),
  TRIENKHAI_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  TRIENKHAI_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Reminders go out this many days before a deadline or a report's due date. */
  TRIENKHAI_REMINDER_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** smtp://user:pass@host:port for reminder e-mail; without it reminders stay in the inbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// URL")
    .optional(),
  MAIL_FROM: z.string().default("trienkhai <no-reply@trienkhai.local>"),
  /** Trust X-Forwarded-For from a reverse proxy: its addresses (comma-separated) or "true". */
  TRIENKHAI_TRUST_PROXY: z.string().optional(),
  /** The built web UI; web/dist of the installation by default. */
  TRIENKHAI_WEB_ROOT: z.string().min(1).optional(),
  /** When set, GET /metrics requires `Authorization: Bearer <this>`; open otherwise. */
  TRIENKHAI_METRICS_TOKEN: z.string().min(16, "TRIENKHAI_METRICS_TOKEN: at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Document imports read and parsed at once by an instance (OCR takes a core each). */
  TRIENKHAI_IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Jobs of each queue (report exports, reminders) an instance runs at once. */
  TRIENKHAI_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** 0 turns the exact read cache of lists off (src/db/read-cache.ts), for comparisons. */
  TRIENKHAI_READ_CACHE: z.enum(["0", "1"]).default("1"),
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
  security: SecurityConfig;
  reminders: { daysBefore: number; smtpUrl: string | undefined; mailFrom: string };
  logLevel: string;
  /** Bearer token GET /metrics requires; open without one. */
  metricsToken: string | undefined;
  trustProxy: boolean | string;
  /** The built web UI (web/dist). */
  webRoot: string;
  /** Lists answered from the exact read cache (src/db/read-cache.ts). */
  readCache: boolean;
  /** How much background work an instance runs at once. */
  jobs: { importConcurrency: number; jobConcurrency: number };
}

export interface SecurityConfig {
  cookieSecure: boolean;
  sessionHours: number;
  uploadMaxBytes: number;
  rateLimitPerMinute: number;
  ipRateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  loginMaxFailures: number;
  lockMinutes: number;
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
    security: {
      cookieSecure: e.TRIENKHAI_COOKIE_SECURE === "1",
      sessionHours: e.TRIENKHAI_SESSION_HOURS,
      uploadMaxBytes: Math.round(e.TRIENKHAI_UPLOAD_MAX_MB * 1024 * 1024),
      rateLimitPerMinute: e.TRIENKHAI_RATE_LIMIT,
      ipRateLimitPerMinute: e.TRIENKHAI_IP_RATE_LIMIT,
      loginRateLimitPerMinute: e.TRIENKHAI_LOGIN_RATE_LIMIT,
      loginMaxFailures: e.TRIENKHAI_LOGIN_MAX_FAILURES,
      lockMinutes: e.TRIENKHAI_LOCK_MINUTES,
    },
    reminders: { daysBefore: e.TRIENKHAI_REMINDER_DAYS, smtpUrl: e.SMTP_URL, mailFrom: e.MAIL_FROM },
    logLevel: e.LOG_LEVEL,
    metricsToken: e.TRIENKHAI_METRICS_TOKEN,
    trustProxy: trustProxy(e.TRIENKHAI_TRUST_PROXY),
    webRoot: resolve(e.TRIENKHAI_WEB_ROOT ?? join(import.meta.dirname, "..", "web", "dist")),
    readCache: e.TRIENKHAI_READ_CACHE === "1",
    jobs: { importConcurrency: e.TRIENKHAI_IMPORT_CONCURRENCY, jobConcurrency: e.TRIENKHAI_JOB_CONCURRENCY },
  };
}

function trustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === "" || value === "false") return false;
  return value === "true" ? true : value;
}
