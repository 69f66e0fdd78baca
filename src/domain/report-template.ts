// What an administrator adjusts in a review report without a code change: the heading of each
// section, the opening paragraph, the directions for the time ahead, the recipients (Nơi nhận), the
// signing block and, when the issuing body's own name should not head the page, the issuer lines
// and the place. One template for Party bodies, one for State bodies; an empty text means "derive it
// from the data" (the issuing body's name, its signing form, the document's place).
import { z } from "zod";
import { message } from "../messages/catalog.ts";

export const TEMPLATE_KEYS = ["party", "state"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const HEADING_KEYS = [
  "dissemination",
  "concretization",
  "results",
  "indicators",
  "remarks",
  "directions",
  "appendix",
] as const;
export type HeadingKey = (typeof HEADING_KEYS)[number];

const line = (max: number) => z.string().trim().max(max);

export const reportTemplateSchema = z.object({
  /** The issuer block's lines, top first; none: the issuing body's name (src/domain/report-layout.ts). */
  issuerLines: z.array(line(200).min(1)).max(3),
  /** "" : the document's place. */
  place: line(100),
  headings: z.object(
    Object.fromEntries(HEADING_KEYS.map((k) => [k, line(300).min(1)])) as Record<
      HeadingKey,
      ReturnType<typeof line>
    >,
  ),
  /** Placeholders: {review} (sơ kết, tổng kết), {period}, {document}, {asOf}. */
  intro: line(3000),
  directions: z.array(line(3000).min(1)).max(30),
  /** Placeholder {superior}: the body the document answers to; a line naming none is left out. */
  recipients: z.array(line(300).min(1)).max(30),
  /** "" : the issuing body's signing form (src/domain/report-layout.ts defaultSigner). */
  signer: z.object({ authority: line(200), role: line(200), name: line(200) }),
});
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

/** The templates as shipped, in the catalogue's Vietnamese. */
export function defaultTemplate(key: TemplateKey): ReportTemplate {
  return {
    issuerLines: [],
    place: "",
    headings: {
      dissemination: message("report-heading-dissemination"),
      concretization: message("report-heading-concretization"),
      results: message("report-heading-results"),
      indicators: message("report-heading-indicators"),
      remarks: message("report-heading-remarks"),
      directions: message("report-heading-directions"),
      appendix: message("report-heading-appendix"),
    },
    intro: message("report-intro"),
    directions: [message("report-direction-1"), message("report-direction-2"), message("report-direction-3")],
    recipients: [
      message("report-recipient-superior"),
      message("report-recipient-bodies"),
      message(key === "party" ? "report-recipient-file-party" : "report-recipient-file-state"),
    ],
    signer: { authority: "", role: "", name: "" },
  };
}

/** Fills {name} placeholders; a placeholder without a value stays as written. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
