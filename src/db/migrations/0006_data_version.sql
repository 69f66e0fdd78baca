-- The data version: a number that moves whenever a table that cached reads depend on changes, so a
-- cache entry made at one version is known to be current while the version stays the same
-- (src/db/read-cache.ts states the guarantee and the protocol). A sequence: nextval is seen by
-- every connection at once, never waits for another writer and is not undone by a rollback (a
-- rolled-back write only costs the caches a miss).
CREATE SEQUENCE data_version;
--> statement-breakpoint
-- Called once, so that the first bump changes last_value (before it, nextval returns the start value).
SELECT setval('data_version', 1);
--> statement-breakpoint
-- Once per statement, not per row, at the statement's end: a bulk load bumps the version once
-- (deferred constraint triggers, which would fire at commit, are per row only, and even they fire
-- before the commit is visible). The bump comes before the change is visible, so the writer also
-- takes a shared advisory lock (key 'trkh' in ASCII, 1) that PostgreSQL releases only after its
-- commit is visible to all: a reader that finds the lock free knows that no change counted in the
-- version is still unseen, whenever the bump came. Writers do not wait for each other (shared).
CREATE FUNCTION data_version_bump() RETURNS trigger AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1953655656, 1);
  PERFORM nextval('data_version');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The version, or null while a writing transaction is open: read in this order (version, then the
-- lock), and the lock held for an instant only, so writers are never kept waiting.
CREATE FUNCTION data_version_settled() RETURNS bigint AS $$
DECLARE
  v bigint;
BEGIN
  SELECT last_value INTO v FROM data_version;
  IF pg_try_advisory_lock(1953655656, 1) THEN
    PERFORM pg_advisory_unlock(1953655656, 1);
    RETURN v;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The tables the task list reads (src/server/tasks/repository.ts and rollups/status-sql.ts).
CREATE TRIGGER assignments_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assignments
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER tasks_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER documents_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER organisations_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
--> statement-breakpoint
CREATE TRIGGER progress_updates_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON progress_updates
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
