-- The instance running a document import or writing a report export: its id, whose PostgreSQL
-- advisory lock the instance holds while it lives (src/server/jobs/instance.ts), so that work cut
-- off by a dead process is failed at the next start and a live instance's work is left alone.
ALTER TABLE "document_imports" ADD COLUMN "owner" integer;--> statement-breakpoint
ALTER TABLE "report_exports" ADD COLUMN "owner" integer;
