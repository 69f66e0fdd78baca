-- The task list of a scoped user (bench/api.ts): the subtree's bodies come from the path index
-- alone, and their current assignments with the columns a page is chosen, sorted and counted by
-- from assignments_org_idx alone, instead of thousands of scattered rows.
DROP INDEX "organisations_path_idx";--> statement-breakpoint
DROP INDEX "assignments_org_idx";--> statement-breakpoint
CREATE INDEX "organisations_path_idx" ON "organisations" USING btree ("path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "assignments_org_idx" ON "assignments" USING btree ("organisation_id","transferred_to_id","deadline_date","id","task_id","document_id");