CREATE TABLE "document_files" (
	"document_id" integer PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_document_id" integer NOT NULL,
	"to_document_id" integer,
	"to_symbol" text NOT NULL,
	"to_date" text,
	"to_type" text,
	"to_issuer" text,
	"to_parent_symbol" text,
	"relation" text NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"review_state" text DEFAULT 'proposed' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" text DEFAULT 'imported' NOT NULL,
	"system" text,
	"type" text NOT NULL,
	"symbol" text,
	"number" text,
	"issuer_name" text,
	"issuer_parent" text,
	"issuer_id" integer,
	"issuer_key" text DEFAULT '' NOT NULL,
	"place" text,
	"date" text,
	"title" text,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"distribution" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signer" jsonb,
	"preamble" text,
	"parsed" jsonb NOT NULL,
	"source_name" text NOT NULL,
	"source_format" text NOT NULL,
	"source_sha256" text NOT NULL,
	"search_key" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"parent_id" integer,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"heading" text NOT NULL,
	"text" text NOT NULL,
	"ordinal" integer NOT NULL,
	"span_start" integer,
	"span_end" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_latest" (
	"indicator_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric NOT NULL,
	"first_period" text NOT NULL,
	"first_year" integer NOT NULL,
	"first_value" numeric NOT NULL,
	CONSTRAINT "indicator_latest_indicator_id_organisation_id_pk" PRIMARY KEY("indicator_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_values_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"value" numeric NOT NULL,
	"source" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"section_id" integer,
	"organisation_id" integer,
	"parent_indicator_id" integer,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text,
	"per" real,
	"target_value" numeric,
	"target_low" numeric,
	"target_high" numeric,
	"target_year" integer,
	"baseline_value" numeric,
	"baseline_unit" text,
	"baseline_year" integer,
	"review_state" text DEFAULT 'proposed' NOT NULL,
	"span_start" integer,
	"span_end" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_aliases" (
	"organisation_id" integer NOT NULL,
	"alias" text NOT NULL,
	"alias_key" text NOT NULL,
	CONSTRAINT "organisation_aliases_organisation_id_alias_key_pk" PRIMARY KEY("organisation_id","alias_key")
);
--> statement-breakpoint
CREATE TABLE "organisation_successors" (
	"predecessor_id" integer NOT NULL,
	"successor_id" integer NOT NULL,
	"since" date,
	CONSTRAINT "organisation_successors_predecessor_id_successor_id_pk" PRIMARY KEY("predecessor_id","successor_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" integer,
	"path" text DEFAULT '/' NOT NULL,
	"province_id" integer,
	"valid_from" date,
	"valid_to" date,
	"is_group" boolean DEFAULT false NOT NULL,
	"group_member_kind" text,
	"group_scope_id" integer,
	"search_key" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissemination_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dissemination_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"form" text NOT NULL,
	"attendance" integer,
	"notes" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer,
	"inspected_organisation_id" integer NOT NULL,
	"inspecting_organisation_id" integer,
	"held_on" date NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reporting_cycle_bodies" (
	"cycle_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "reporting_cycle_bodies_cycle_id_organisation_id_pk" PRIMARY KEY("cycle_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_cycles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_cycles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer,
	"task_id" integer,
	"name" text NOT NULL,
	"frequency" text NOT NULL,
	"due_day" integer NOT NULL,
	"due_month_of_period" text DEFAULT 'last' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"review_state" text DEFAULT 'proposed' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cycle_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"period" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"difficulties" text,
	"proposals" text,
	"data" jsonb,
	"state" text DEFAULT 'submitted' NOT NULL,
	"author_id" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"organisation_id" integer,
	"phrase" text NOT NULL,
	"role" text NOT NULL,
	"resolution" text NOT NULL,
	"percent" real DEFAULT 0 NOT NULL,
	"completed_at" date,
	"last_update_at" timestamp with time zone,
	"deadline_date" date,
	"recurrence" text,
	"is_key" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "progress_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"assignment_id" integer NOT NULL,
	"version" integer NOT NULL,
	"percent" real NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" date,
	"author_id" integer,
	"state" text DEFAULT 'submitted' NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_parent_suggestions" (
	"task_id" integer NOT NULL,
	"parent_task_id" integer NOT NULL,
	"score" real NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"section_id" integer,
	"parent_task_id" integer,
	"inspection_id" integer,
	"text" text NOT NULL,
	"expected_output" text,
	"is_key" boolean DEFAULT false NOT NULL,
	"deadline_date" date,
	"recurrence" text,
	"deadline_text" text,
	"origin" text DEFAULT 'assignment' NOT NULL,
	"review_state" text DEFAULT 'proposed' NOT NULL,
	"span_start" integer,
	"span_end" integer,
	"search_key" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_name" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"origin" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"password_hash" text,
	"role" text NOT NULL,
	"scope_organisation_id" integer,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_from_document_id_documents_id_fk" FOREIGN KEY ("from_document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_links" ADD CONSTRAINT "document_links_to_document_id_documents_id_fk" FOREIGN KEY ("to_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issuer_id_organisations_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_parent_id_sections_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_parent_indicator_id_indicators_id_fk" FOREIGN KEY ("parent_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_aliases" ADD CONSTRAINT "organisation_aliases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_successors" ADD CONSTRAINT "organisation_successors_predecessor_id_organisations_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_successors" ADD CONSTRAINT "organisation_successors_successor_id_organisations_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_group_scope_id_organisations_id_fk" FOREIGN KEY ("group_scope_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_sessions" ADD CONSTRAINT "dissemination_sessions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_sessions" ADD CONSTRAINT "dissemination_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspected_organisation_id_organisations_id_fk" FOREIGN KEY ("inspected_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_inspecting_organisation_id_organisations_id_fk" FOREIGN KEY ("inspecting_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycle_bodies" ADD CONSTRAINT "reporting_cycle_bodies_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycle_bodies" ADD CONSTRAINT "reporting_cycle_bodies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cycles" ADD CONSTRAINT "reporting_cycles_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_cycle_id_reporting_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."reporting_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_parent_suggestions" ADD CONSTRAINT "task_parent_suggestions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_parent_suggestions" ADD CONSTRAINT "task_parent_suggestions_parent_task_id_tasks_id_fk" FOREIGN KEY ("parent_task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_task_id_tasks_id_fk" FOREIGN KEY ("parent_task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_scope_organisation_id_organisations_id_fk" FOREIGN KEY ("scope_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_links_from_idx" ON "document_links" USING btree ("from_document_id");--> statement-breakpoint
CREATE INDEX "document_links_to_idx" ON "document_links" USING btree ("to_document_id");--> statement-breakpoint
CREATE INDEX "document_links_symbol_idx" ON "document_links" USING btree ("to_symbol");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_symbol_key" ON "documents" USING btree ("issuer_key","symbol","date") WHERE "documents"."symbol" is not null and "documents"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "documents_symbol_idx" ON "documents" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "documents_sha_idx" ON "documents" USING btree ("source_sha256");--> statement-breakpoint
CREATE INDEX "sections_document_idx" ON "sections" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_key" ON "indicator_values" USING btree ("indicator_id","organisation_id","period");--> statement-breakpoint
CREATE INDEX "indicator_values_org_idx" ON "indicator_values" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "indicators_document_idx" ON "indicators" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "indicators_parent_idx" ON "indicators" USING btree ("parent_indicator_id");--> statement-breakpoint
CREATE INDEX "organisation_aliases_key_idx" ON "organisation_aliases" USING btree ("alias_key");--> statement-breakpoint
CREATE INDEX "organisation_successors_succ_idx" ON "organisation_successors" USING btree ("successor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_code_key" ON "organisations" USING btree ("code") WHERE "organisations"."code" is not null;--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_path_idx" ON "organisations" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind","level");--> statement-breakpoint
CREATE INDEX "organisations_province_idx" ON "organisations" USING btree ("province_id");--> statement-breakpoint
CREATE INDEX "dissemination_document_idx" ON "dissemination_sessions" USING btree ("document_id","organisation_id");--> statement-breakpoint
CREATE INDEX "inspections_document_idx" ON "inspections" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "reporting_cycles_document_idx" ON "reporting_cycles" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_key" ON "reports" USING btree ("cycle_id","organisation_id","period");--> statement-breakpoint
CREATE INDEX "assignments_task_idx" ON "assignments" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "assignments_document_idx" ON "assignments" USING btree ("document_id","organisation_id");--> statement-breakpoint
CREATE INDEX "assignments_org_idx" ON "assignments" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "assignments_recurring_idx" ON "assignments" USING btree ("document_id") WHERE "assignments"."recurrence" in ('monthly', 'quarterly', 'semiannual', 'annual', 'periodic');--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_task_org_key" ON "assignments" USING btree ("task_id","organisation_id","role") WHERE "assignments"."organisation_id" is not null;--> statement-breakpoint
CREATE INDEX "progress_updates_assignment_idx" ON "progress_updates" USING btree ("assignment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_parent_suggestions_key" ON "task_parent_suggestions" USING btree ("task_id","parent_task_id");--> statement-breakpoint
CREATE INDEX "tasks_document_idx" ON "tasks" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_task_id");--> statement-breakpoint
CREATE INDEX "tasks_deadline_idx" ON "tasks" USING btree ("deadline_date");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");