// Backup and restore: one logical format for both databases, so that a backup of the embedded
// PGlite restores into a PostgreSQL server and back (moving an installation is `trienkhai backup`
// then `trienkhai restore` with DATABASE_URL set).
//
// The file is gzip'd JSON lines: a header (format, version, the migrations applied), then for each
// table of the schema "public" in dependency order its columns and types, one line per row (each
// value in PostgreSQL's own text form, the form COPY uses, so every type round-trips exactly, and
// the same on both databases), and its row count and SHA-256; then the sequences; then a trailer.
// The dump is read in one REPEATABLE READ transaction: a consistent snapshot while the server runs
// (PostgreSQL; the embedded database has one user at a time).
//
// Restore runs in ONE transaction on an empty database: the migrations up to the backup's, the rows
// (triggers off: the rows are copied as they were, derived tables included, and foreign keys are
// satisfied by the whole), the sequences, then the migrations the installed version has beyond the
// backup's. Anything wrong (a foreign or damaged file, a count or a hash that differs) rolls all
// of it back. The job queue (schema pgboss) is not carried: schedules are set again at start, the
// reminder scan runs daily and never sends twice, and exports still waiting are queued again at start.
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { DomainError } from "../server/errors.ts";
import { packageVersion } from "../version.ts";
import { type Database, type Db, MIGRATIONS } from "./client.ts";
import { rows } from "./rows.ts";

export const BACKUP_FORMAT = "trienkhai-backup";
export const BACKUP_VERSION = 1;

interface Migration {
  hash: string;
  createdAt: number;
}

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  app: string;
  source: Database["kind"];
  createdAt: string;
  migrations: Migration[];
  tables: string[];
}

interface TableStart {
  table: string;
  columns: string[];
  types: string[];
}

interface TableEnd {
  end: string;
  rows: number;
  sha256: string;
}

interface Sequence {
  name: string;
  /** null: never used (nextval gives its start). */
  value: string | null;
}

export interface BackupSummary {
  tables: number;
  rows: number;
  bytes: number;
  /** Rows per table, for reports and tests. */
  counts: Record<string, number>;
}

interface Column {
  name: string;
  type: string;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function tablesOf(db: Db): Promise<{ name: string }[]> {
  return rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  );
}

/** Base tables of "public", each after the tables its foreign keys point to. */
async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = await tablesOf(db);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>): void => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p, path);
    path.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered;
}

/** The stored columns of a table (generated ones are computed again on insert). */
async function columnsOf(db: Db, table: string): Promise<Column[]> {
  return rows<Column>(
    db,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
      where a.attrelid = ${`public.${quote(table)}`}::regclass and a.attnum > 0
        and not a.attisdropped and a.attgenerated = '' order by a.attnum`,
  );
}

async function primaryKeyOf(db: Db, table: string): Promise<string[]> {
  const r = await rows<{ name: string }>(
    db,
    sql`select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${`public.${quote(table)}`}::regclass and i.indisprimary
      order by array_position(i.indkey, a.attnum)`,
  );
  return r.map((x) => x.name);
}

async function appliedMigrations(db: Db): Promise<Migration[]> {
  const [present] = await rows<{ ok: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!present?.ok) return [];
  const r = await rows<{ hash: string; created_at: string }>(
    db,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  return r.map((m) => ({ hash: m.hash, createdAt: Number(m.created_at) }));
}

async function sequencesOf(db: Db): Promise<Sequence[]> {
  return rows<Sequence>(
    db,
    sql`select quote_ident(schemaname) || '.' || quote_ident(sequencename) as name, last_value::text as value
      from pg_sequences where schemaname = 'public' order by 1`,
  );
}

/** PostgreSQL's text form, the same whatever the server's settings. */
async function fixedTextForms(tx: Db): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
}

const FETCH_ROWS = 2000;

/** Writes a backup of `database` to `file` (through a temporary file: a failed backup leaves none). */
export async function backupDatabase(database: Database, file: string): Promise<BackupSummary> {
  const tmp = `${file}.${process.pid}.tmp`;
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(tmp);
  gzip.pipe(out);
  const write = async (line: string): Promise<void> => {
    if (!gzip.write(`${line}\n`)) await once(gzip, "drain");
  };
  const summary: BackupSummary = { tables: 0, rows: 0, bytes: 0, counts: {} };
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      await fixedTextForms(tx);
      const tables = await tablesInDependencyOrder(tx);
      const header: Header = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        app: packageVersion,
        source: database.kind,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(tx),
        tables,
      };
      await write(JSON.stringify(header));
      for (const table of tables) {
        const columns = await columnsOf(tx, table);
        const start: TableStart = {
          table,
          columns: columns.map((c) => c.name),
          types: columns.map((c) => c.type),
        };
        await write(JSON.stringify(start));
        const key = await primaryKeyOf(tx, table);
        // the row as a JSON array of text values, built by the database: one string per row here
        const line = `json_build_array(${columns.map((c) => `${quote(c.name)}::text`).join(", ")})::text`;
        const order = key.length > 0 ? ` order by ${key.map(quote).join(", ")}` : "";
        await tx.execute(
          sql.raw(
            `declare backup_rows no scroll cursor for select ${line} as line from public.${quote(table)}${order}`,
          ),
        );
        const hash = createHash("sha256");
        let count = 0;
        for (;;) {
          const batch = await rows<{ line: string }>(
            tx,
            sql.raw(`fetch forward ${FETCH_ROWS} from backup_rows`),
          );
          for (const r of batch) {
            hash.update(r.line).update("\n");
            await write(r.line);
          }
          count += batch.length;
          if (batch.length < FETCH_ROWS) break;
        }
        await tx.execute(sql`close backup_rows`);
        const end: TableEnd = { end: table, rows: count, sha256: hash.digest("hex") };
        await write(JSON.stringify(end));
        summary.tables++;
        summary.rows += count;
        summary.counts[table] = count;
      }
      await write(JSON.stringify({ sequences: await sequencesOf(tx) }));
      await write(JSON.stringify({ done: BACKUP_FORMAT, tables: summary.tables, rows: summary.rows }));
    });
    gzip.end();
    await once(out, "close");
    renameSync(tmp, file);
    summary.bytes = out.bytesWritten;
    return summary;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(tmp, { force: true });
    throw error;
  }
}

export interface RestoreOptions {
  /** Empty the database's tables first instead of refusing a database that holds rows. */
  force?: boolean;
}

/** A damaged or foreign file: nothing was changed. */
const corrupt = (name: string, detail: string): DomainError =>
  new DomainError("restore-corrupt", 422, { name, detail });

/** The lines of a gzip'd file, one at a time; a damaged stream fails the iteration. */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseHeader(line: string | undefined, name: string): Header {
  let header: Partial<Header> | null = null;
  try {
    header = JSON.parse(line ?? "") as Partial<Header>;
  } catch {
    header = null;
  }
  if (header?.format !== BACKUP_FORMAT || !Array.isArray(header.migrations) || !Array.isArray(header.tables))
    throw new DomainError("restore-foreign", 422, { name });
  if (header.version !== BACKUP_VERSION)
    throw new DomainError("restore-format-version", 422, { name, version: String(header.version) });
  return header as Header;
}

/** Migrations the installed version knows, oldest first. */
function installedMigrations() {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS });
}

async function applyMigrations(tx: Db, migrations: ReturnType<typeof installedMigrations>): Promise<void> {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  for (const m of migrations) {
    for (const statement of m.sql) if (statement.trim()) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
    );
  }
}

/** The tables of "public" that hold rows: a restore goes into a database that holds none. */
async function holdsRows(db: Db): Promise<string[]> {
  const full: string[] = [];
  for (const t of await tablesOf(db)) {
    const [r] = await rows<{ any: boolean }>(
      db,
      sql.raw(`select exists (select from public.${quote(t.name)}) as any`),
    );
    if (r?.any) full.push(t.name);
  }
  return full;
}

/** Bytes of rows sent to the database in one statement. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_ROWS = 5000;

/** Restores the backup `file` into `database` (empty unless `force`); returns what it loaded. */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const name = file;
  const lines = linesOf(file);
  let lineNumber = 0;
  const next = async (): Promise<string | undefined> => {
    try {
      const r = await lines.next();
      if (r.done) return undefined;
      lineNumber++;
      return r.value;
    } catch (error) {
      // gzip's own check (a truncated or altered file) or not gzip at all
      if (lineNumber === 0) throw new DomainError("restore-foreign", 422, { name });
      throw corrupt(name, `line ${lineNumber + 1}: ${(error as Error).message}`);
    }
  };
  try {
    const header = parseHeader(await next(), name);
    const installed = installedMigrations();
    const known = new Set(installed.map((m) => m.folderMillis));
    const unknown = header.migrations.filter((m) => !known.has(m.createdAt));
    if (unknown.length > 0)
      throw new DomainError("restore-newer", 409, { name, app: header.app, version: packageVersion });
    const backupLevel = Math.max(0, ...header.migrations.map((m) => m.createdAt));
    const full = await holdsRows(database.db);
    if (full.length > 0 && !options.force)
      throw new DomainError("restore-not-empty", 409, { tables: full.slice(0, 5).join(", ") });
    const applied = await appliedMigrations(database.db);
    const targetLevel = Math.max(0, ...applied.map((m) => m.createdAt));
    if (targetLevel > backupLevel)
      throw new DomainError("restore-target-newer", 409, { name, app: header.app, version: packageVersion });
    const summary: BackupSummary = { tables: 0, rows: 0, bytes: 0, counts: {} };

    await database.db.transaction(async (tx) => {
      // the schema up to the backup's own migrations, so that its rows fit the tables as they were
      await applyMigrations(
        tx,
        installed.filter((m) => m.folderMillis > targetLevel && m.folderMillis <= backupLevel),
      );
      try {
        await tx.execute(sql`set local session_replication_role = replica`);
      } catch {
        throw new DomainError("restore-permission", 403, {});
      }
      await fixedTextForms(tx);
      if (full.length > 0) {
        const all = await tablesInDependencyOrder(tx);
        await tx.execute(sql.raw(`truncate ${all.map((t) => `public.${quote(t)}`).join(", ")}`));
      }

      const expected = new Set(header.tables);
      for (;;) {
        const line = await next();
        if (line === undefined) throw corrupt(name, "the file ends before its trailer");
        const meta = parseMeta(line, name, lineNumber);
        if ("done" in meta) {
          if (meta.tables !== summary.tables || meta.rows !== summary.rows || expected.size > 0)
            throw corrupt(name, `trailer: ${meta.tables} tables, ${meta.rows} rows`);
          break;
        }
        if ("sequences" in meta) {
          for (const s of meta.sequences)
            await tx.execute(
              s.value === null
                ? sql`select setval(${s.name}::regclass, (select seqstart from pg_sequence where seqrelid = ${s.name}::regclass), false)`
                : sql`select setval(${s.name}::regclass, ${s.value}::bigint, true)`,
            );
          continue;
        }
        if (!("table" in meta) || !expected.delete(meta.table))
          throw corrupt(name, `line ${lineNumber}: unexpected section`);
        const count = await loadTable(tx, meta, next, name, () => lineNumber);
        summary.tables++;
        summary.rows += count;
        summary.counts[meta.table] = count;
      }
      if ((await next()) !== undefined) throw corrupt(name, `line ${lineNumber}: after the trailer`);
      // back to normal triggers for the migrations that came after the backup
      await tx.execute(sql`set local session_replication_role = origin`);
      await applyMigrations(
        tx,
        installed.filter((m) => m.folderMillis > Math.max(backupLevel, targetLevel)),
      );
    });
    return summary;
  } finally {
    await lines.return(undefined);
  }
}

type Meta = TableStart | { sequences: Sequence[] } | { done: string; tables: number; rows: number };

function parseMeta(line: string, name: string, lineNumber: number): Meta {
  try {
    const v = JSON.parse(line) as Meta;
    if (v && typeof v === "object" && !Array.isArray(v)) return v;
  } catch {
    // fall through
  }
  throw corrupt(name, `line ${lineNumber}`);
}

async function loadTable(
  tx: Db,
  start: TableStart,
  next: () => Promise<string | undefined>,
  name: string,
  at: () => number,
): Promise<number> {
  const columns = await columnsOf(tx, start.table);
  const types = new Map(columns.map((c) => [c.name, c.type]));
  if (
    start.columns.length !== columns.length ||
    start.columns.some((c, i) => types.get(c) !== start.types[i])
  )
    throw corrupt(name, `table ${start.table}: its columns are not the database's`);
  const targets = start.columns.map(quote).join(", ");
  const values = start.columns.map((c, i) => `(e->>${i})::${types.get(c)}`).join(", ");
  const insert = async (batch: string[]): Promise<void> => {
    const list = `[${batch.join(",")}]`;
    try {
      await tx.execute(
        sql`${sql.raw(`insert into public.${quote(start.table)} (${targets}) overriding system value select ${values} from json_array_elements(`)}${list}${sql.raw("::json) as e")}`,
      );
    } catch (error) {
      // a row that is not JSON or whose value does not fit its column: the file was altered
      const cause = (error as { cause?: Error }).cause ?? (error as Error);
      throw corrupt(name, `table ${start.table}: ${cause.message.slice(0, 200)}`);
    }
  };
  const hash = createHash("sha256");
  let count = 0;
  let batch: string[] = [];
  let bytes = 0;
  for (;;) {
    const line = await next();
    if (line === undefined) throw corrupt(name, `table ${start.table}: the file ends inside it`);
    if (line.startsWith("[")) {
      hash.update(line).update("\n");
      batch.push(line);
      bytes += line.length;
      count++;
      if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
        await insert(batch);
        batch = [];
        bytes = 0;
      }
      continue;
    }
    const end = parseMeta(line, name, at()) as Partial<TableEnd>;
    if (end.end !== start.table) throw corrupt(name, `line ${at()}: table ${start.table} is not closed`);
    if (batch.length > 0) await insert(batch);
    if (end.rows !== count || end.sha256 !== hash.digest("hex"))
      throw corrupt(name, `table ${start.table}: ${count} rows read, ${end.rows} written, or a changed row`);
    return count;
  }
}
