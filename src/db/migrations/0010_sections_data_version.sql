-- The task list now reads each task's section path (src/server/tasks/repository.ts): a change to the
-- sections moves the data version too, so that no cached page shows an old heading.
CREATE TRIGGER sections_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sections
  FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump();
