-- An assignment of a dissolved body handed to its successor keeps its row and points at the successor's
-- assignment (src/server/organisations/transfers.ts).
ALTER TABLE "assignments" ADD COLUMN "transferred_to_id" integer;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "transferred_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_transferred_to_id_assignments_id_fk" FOREIGN KEY ("transferred_to_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;