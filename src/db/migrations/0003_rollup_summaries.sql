-- Rollups at national scale (bench/rollup.ts): status counts read a covering index instead of the
-- wide assignment rows; indicator_latest keeps each body's assessment, so on-track counts count grades.
DROP INDEX "assignments_document_idx";--> statement-breakpoint
ALTER TABLE "indicator_latest" ADD COLUMN "status" text;--> statement-breakpoint
CREATE INDEX "assignments_document_idx" ON "assignments" USING btree ("document_id","organisation_id","role","transferred_to_id","recurrence","completed_at","deadline_date","percent","last_update_at");--> statement-breakpoint
-- The assessment of an indicator's latest value for a body: the rules of src/domain/trajectory.ts
-- `assess`, step by step in the same order (test/db/indicator-sql.db.test.ts checks that both agree
-- on generated indicators and values). The start is the baseline when it has value and year, else
-- the first year's value; values before the start year are history. Thresholds: on track at 0.95 of
-- the required rate, at risk at 0.5, off track at 0 (ASSESSMENT_THRESHOLDS). A change of the rules is
-- a new migration that replaces this function and recomputes indicator_latest.status.
CREATE OR REPLACE FUNCTION indicator_status(
  kind text, unit_text text, target_value numeric, target_low numeric, target_high numeric,
  ty integer, baseline_value numeric, baseline_year integer,
  oy integer, ov numeric, first_year integer, first_value numeric
) RETURNS text AS $$
DECLARE
  unit text := trim(coalesce(unit_text, ''));
  lo float8 := least(coalesce(target_low, target_value), coalesce(target_high, target_value))::float8;
  hi float8 := greatest(coalesce(target_low, target_value), coalesce(target_high, target_value))::float8;
  from_baseline boolean := baseline_value IS NOT NULL AND baseline_year IS NOT NULL;
  sv float8 := (CASE WHEN from_baseline THEN baseline_value ELSE first_value END)::float8;
  sy integer := CASE WHEN from_baseline THEN baseline_year ELSE first_year END;
  ly integer := CASE WHEN oy > sy THEN oy ELSE sy END;
  v float8 := CASE WHEN oy > sy THEN ov::float8 ELSE sv END;
  step boolean := kind IN ('growth_per_year', 'multiple_of_baseline', 'increment_per_year');
  compound boolean := kind IN ('growth_per_year', 'multiple_of_baseline');
  elapsed integer := ly - sy;
  path_lo float8;
  path_hi float8;
  blo float8;
  bhi float8;
  dir text;
  goal float8;
  measure text;
  achieved float8;
  required float8;
BEGIN
  -- the band the value should be in by now
  IF (lo IS NULL) OR (step AND (ty IS NULL OR ty - sy <= 0 OR (compound AND sv <= 0))) THEN
    RETURN 'insufficient_data';
  END IF;
  IF step THEN
    path_lo := CASE kind WHEN 'growth_per_year' THEN sv * power(1 + lo / 100, ty - sy)
                         WHEN 'increment_per_year' THEN sv + lo * (ty - sy) ELSE sv * lo END;
    path_hi := CASE kind WHEN 'growth_per_year' THEN sv * power(1 + hi / 100, ty - sy)
                         WHEN 'increment_per_year' THEN sv + hi * (ty - sy) ELSE sv * hi END;
    blo := least(path_lo, path_hi);
    bhi := greatest(path_lo, path_hi);
  ELSE
    blo := lo;
    bhi := hi;
  END IF;
  -- direction and goal
  dir := CASE WHEN kind = 'min' THEN 'up' WHEN kind IN ('max', 'rank') THEN 'down'
              WHEN sv < blo AND NOT (abs(sv - blo) <= 1e-9 * greatest(1, abs(sv), abs(blo))) THEN 'up'
              WHEN sv > bhi AND NOT (abs(sv - bhi) <= 1e-9 * greatest(1, abs(sv), abs(bhi))) THEN 'down'
              ELSE 'hold' END;
  goal := CASE WHEN dir = 'up' OR (dir = 'hold' AND v < blo) THEN blo ELSE bhi END;
  IF (CASE WHEN dir = 'hold' OR kind = 'range'
             THEN (v >= blo OR abs(v - blo) <= 1e-9 * greatest(1, abs(v), abs(blo)))
                  AND (v <= bhi OR abs(v - bhi) <= 1e-9 * greatest(1, abs(v), abs(bhi)))
           WHEN dir = 'up' THEN (v >= blo OR abs(v - blo) <= 1e-9 * greatest(1, abs(v), abs(blo)))
           ELSE (v <= bhi OR abs(v - bhi) <= 1e-9 * greatest(1, abs(v), abs(bhi))) END) THEN
    RETURN 'achieved';
  END IF;
  IF kind = 'range' AND ((dir = 'up' AND v > bhi) OR (dir = 'down' AND v < blo)) THEN
    RETURN 'off_track';
  END IF;
  -- the rate achieved since the start against the rate still required
  measure := CASE WHEN elapsed <= 0 THEN NULL
                  WHEN kind IN ('rank', 'increment_per_year') THEN 'difference'
                  WHEN NOT compound AND unit = '%' THEN 'difference'
                  WHEN sv <= 0 OR v <= 0 OR goal <= 0 THEN 'difference'
                  ELSE 'compound' END;
  IF measure IS NULL OR ty IS NULL THEN
    RETURN 'insufficient_data';
  END IF;
  IF ty - ly <= 0 THEN
    RETURN CASE WHEN (v - sv) * (goal - v) < 0 THEN 'deteriorating' ELSE 'off_track' END;
  END IF;
  achieved := CASE measure WHEN 'compound' THEN power(v / sv, 1.0 / elapsed) - 1 ELSE (v - sv) / elapsed END;
  required := CASE measure WHEN 'compound' THEN power(goal / v, 1.0 / (ty - ly)) - 1 ELSE (goal - v) / (ty - ly) END;
  -- achieved ÷ required as in floating point: x/0 is ±infinity, 0/0 is NaN (graded deteriorating)
  RETURN CASE WHEN required = 0 THEN CASE WHEN achieved > 0 THEN 'on_track' ELSE 'deteriorating' END
              WHEN achieved / required >= 0.95 THEN 'on_track'
              WHEN achieved / required >= 0.5 THEN 'at_risk'
              WHEN achieved / required >= 0 THEN 'off_track'
              ELSE 'deteriorating' END;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
--> statement-breakpoint
-- indicator_latest.status follows its row: a new latest value (or first value) is graded as it is kept.
CREATE OR REPLACE FUNCTION indicator_latest_grade() RETURNS trigger AS $$
BEGIN
  SELECT indicator_status(i.kind, i.unit, i.target_value, i.target_low, i.target_high, i.target_year,
      i.baseline_value, i.baseline_year, NEW.year, NEW.value, NEW.first_year, NEW.first_value)
    INTO NEW.status FROM indicators i WHERE i.id = NEW.indicator_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER indicator_latest_grade BEFORE INSERT OR UPDATE OF year, value, first_year, first_value
  ON indicator_latest FOR EACH ROW EXECUTE FUNCTION indicator_latest_grade();
--> statement-breakpoint
-- ... and follows its indicator: a changed target or baseline grades every body's value again.
CREATE OR REPLACE FUNCTION indicator_regrade() RETURNS trigger AS $$
BEGIN
  UPDATE indicator_latest l SET status = indicator_status(NEW.kind, NEW.unit, NEW.target_value,
      NEW.target_low, NEW.target_high, NEW.target_year, NEW.baseline_value, NEW.baseline_year,
      l.year, l.value, l.first_year, l.first_value)
  WHERE l.indicator_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER indicators_regrade AFTER UPDATE OF kind, unit, target_value, target_low, target_high,
    target_year, baseline_value, baseline_year ON indicators
  FOR EACH ROW WHEN ((OLD.kind, OLD.unit, OLD.target_value, OLD.target_low, OLD.target_high, OLD.target_year,
      OLD.baseline_value, OLD.baseline_year) IS DISTINCT FROM (NEW.kind, NEW.unit, NEW.target_value,
      NEW.target_low, NEW.target_high, NEW.target_year, NEW.baseline_value, NEW.baseline_year))
  EXECUTE FUNCTION indicator_regrade();
--> statement-breakpoint
UPDATE indicator_latest l SET status = indicator_status(i.kind, i.unit, i.target_value, i.target_low,
    i.target_high, i.target_year, i.baseline_value, i.baseline_year, l.year, l.value, l.first_year, l.first_value)
  FROM indicators i WHERE i.id = l.indicator_id;
