// The report templates: as shipped until an administrator saves one, then the saved one. A save
// names the version it edits (0 for a template never saved) and is audited.
import type { Db } from "../../db/client.ts";
import {
  defaultTemplate,
  type ReportTemplate,
  reportTemplateSchema,
  TEMPLATE_KEYS,
  type TemplateKey,
} from "../../domain/report-template.ts";
import { type Actor, appendAudit } from "../audit/repository.ts";
import { staleVersion } from "../errors.ts";
import { type TemplateRow, templateRow, templateRows, upsertTemplate } from "./store.ts";

export interface TemplateView {
  key: TemplateKey;
  template: ReportTemplate;
  /** 0 while the template is the one shipped. */
  version: number;
  updatedAt: string | null;
}

function viewOf(key: TemplateKey, row: TemplateRow | undefined | null): TemplateView {
  // a stored template that no longer fits the schema (an older shape) gives way to the shipped one
  const stored = row ? reportTemplateSchema.safeParse(row.content) : null;
  return {
    key,
    template: stored?.success ? stored.data : defaultTemplate(key),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function listTemplates(db: Db): Promise<TemplateView[]> {
  const rows = new Map((await templateRows(db)).map((r) => [r.key, r]));
  return TEMPLATE_KEYS.map((k) => viewOf(k, rows.get(k)));
}

export async function templateFor(db: Db, key: TemplateKey): Promise<ReportTemplate> {
  return viewOf(key, await templateRow(db, key)).template;
}

export function saveTemplate(
  db: Db,
  key: TemplateKey,
  template: ReportTemplate,
  expected: number,
  actor: Actor,
): Promise<TemplateView> {
  return db.transaction(async (tx) => {
    const row = await templateRow(tx, key, true);
    const before = viewOf(key, row);
    if (before.version !== expected) throw staleVersion("report_template", key, expected, before.version);
    const version = before.version + 1;
    await upsertTemplate(tx, key, template, version, actor.id);
    await appendAudit(tx, actor, {
      action: "report-template.update",
      entity: "report_template",
      entityId: key,
      before: before.template,
      after: template,
    });
    return viewOf(key, await templateRow(tx, key));
  });
}
