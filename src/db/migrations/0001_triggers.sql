-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- indicator_latest keeps the value of the latest period of each indicator for each body.
-- Periods compare as text: "2025" < "2025-07" < "2025-H1" < "2025-Q3" is not chronological across
-- kinds, so a period is ranked by its last month: "2025" = 12, "2025-H1" = 6, "2025-Q3" = 9.
CREATE OR REPLACE FUNCTION period_rank(p text) RETURNS integer AS $$
  SELECT substr(p, 1, 4)::int * 100 + CASE
    WHEN length(p) = 4 THEN 12
    WHEN substr(p, 6, 1) = 'H' THEN substr(p, 7, 1)::int * 6
    WHEN substr(p, 6, 1) = 'Q' THEN substr(p, 7, 1)::int * 3
    ELSE substr(p, 6, 2)::int
  END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- Statement-level with a transition table: a bulk load of millions of values updates each row of
-- indicator_latest once, not once per value (which would also leave millions of dead rows).
CREATE OR REPLACE FUNCTION indicator_latest_keep() RETURNS trigger AS $$
BEGIN
  INSERT INTO indicator_latest AS l
    (indicator_id, organisation_id, period, year, value, first_period, first_year, first_value)
  SELECT indicator_id, organisation_id,
    (array_agg(period ORDER BY period_rank(period) DESC))[1],
    (array_agg(year ORDER BY period_rank(period) DESC))[1],
    (array_agg(value ORDER BY period_rank(period) DESC))[1],
    (array_agg(period ORDER BY year, period_rank(period) DESC))[1],
    min(year),
    (array_agg(value ORDER BY year, period_rank(period) DESC))[1]
  FROM changed
  GROUP BY indicator_id, organisation_id
  ON CONFLICT (indicator_id, organisation_id) DO UPDATE SET
    period = CASE WHEN period_rank(EXCLUDED.period) >= period_rank(l.period) THEN EXCLUDED.period ELSE l.period END,
    year = CASE WHEN period_rank(EXCLUDED.period) >= period_rank(l.period) THEN EXCLUDED.year ELSE l.year END,
    value = CASE WHEN period_rank(EXCLUDED.period) >= period_rank(l.period) THEN EXCLUDED.value ELSE l.value END,
    first_period = CASE WHEN EXCLUDED.first_year < l.first_year
        OR (EXCLUDED.first_year = l.first_year AND period_rank(EXCLUDED.first_period) >= period_rank(l.first_period))
      THEN EXCLUDED.first_period ELSE l.first_period END,
    first_value = CASE WHEN EXCLUDED.first_year < l.first_year
        OR (EXCLUDED.first_year = l.first_year AND period_rank(EXCLUDED.first_period) >= period_rank(l.first_period))
      THEN EXCLUDED.first_value ELSE l.first_value END,
    first_year = LEAST(EXCLUDED.first_year, l.first_year);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER indicator_values_latest_insert AFTER INSERT ON indicator_values
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_latest_keep();
--> statement-breakpoint
CREATE TRIGGER indicator_values_latest_update AFTER UPDATE ON indicator_values
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_latest_keep();
