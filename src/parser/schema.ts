// The parser's output contract, parsed-document/1, as a Zod schema. It is the twin of
// parsed-document.schema.json (kept beside it); test/parser/schema.test.ts checks that the two agree.
// Fields beyond the JSON schema (assignment.output, appendix.sections) are optional extensions the
// JSON schema allows because it does not forbid additional properties.
import { z } from "zod";

export const SOURCE_FORMATS = ["txt", "md", "docx", "pdf", "html", "png", "jpeg"] as const;
export const DOCUMENT_TYPES = [
  "nghi_quyet",
  "ket_luan",
  "chi_thi",
  "quy_dinh",
  "quyet_dinh",
  "chuong_trinh",
  "ke_hoach",
  "de_an",
  "cong_van",
  "thong_bao",
  "huong_dan",
  "bao_cao",
  "to_trinh",
  "thong_tri",
  "cong_dien",
  "other",
] as const;
export const AUTHORITIES = ["T/M", "KT.", "TL.", "TUQ.", "Q.", "TM."] as const;
export const RECURRENCES = [
  "once",
  "monthly",
  "quarterly",
  "semiannual",
  "annual",
  "periodic",
  "continuous",
] as const;
export const TARGET_KINDS = [
  "min",
  "max",
  "exact",
  "range",
  "rank",
  "rate",
  "growth_per_year",
  "increment_per_year",
  "multiple_of_baseline",
] as const;
export const COPY_KINDS = ["sao_luc", "sao_y", "trich_sao"] as const;

export const spanSchema = z.tuple([z.number().int(), z.number().int()]);
const nullableString = z.string().nullable();

export const signerSchema = z
  .object({
    authority: z.enum(AUTHORITIES).nullable(),
    onBehalfOf: nullableString,
    role: nullableString,
    name: nullableString,
  })
  .partial()
  .nullable();

export type Section = {
  id: string;
  label: string;
  heading: string;
  text: string;
  children: Section[];
  span?: [number, number] | undefined;
};
export const sectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    heading: z.string(),
    text: z.string(),
    children: z.array(sectionSchema),
    span: spanSchema.optional(),
  }),
);

export const deadlineSchema = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    recurrence: z.enum(RECURRENCES).nullable(),
    text: z.string(),
  })
  .partial();

export const referenceSchema = z.object({
  symbol: z.string(),
  type: nullableString,
  date: nullableString,
  issuer: nullableString.optional(),
  relation: z.enum(["implements", "cites"]),
  /** Extension: the document the referenced one itself carries out, as this text describes it. */
  carriesOut: nullableString.optional(),
  span: spanSchema,
});

export const receivedSchema = z
  .object({
    issuer: nullableString,
    number: nullableString,
    date: nullableString,
    channel: nullableString,
    span: spanSchema,
  })
  .partial();

export const copySchema = z
  .object({
    kind: z.enum(COPY_KINDS),
    symbol: nullableString,
    issuer: nullableString,
    place: nullableString,
    date: nullableString,
    signer: signerSchema,
    distribution: z.array(z.string()),
    span: spanSchema,
  })
  .partial();

export const assignmentSchema = z.object({
  id: z.string(),
  lead: z.array(z.string()),
  cooperating: z.array(z.string()),
  task: z.string(),
  sectionId: nullableString,
  deadline: deadlineSchema.nullable(),
  output: nullableString.optional(),
  span: spanSchema,
});

export const baselineSchema = z
  .object({
    value: z.number(),
    unit: nullableString,
    year: z.number().int().nullable(),
  })
  .partial();

export const targetSchema = z.object({
  id: z.string(),
  text: z.string(),
  indicator: z.string(),
  kind: z.enum(TARGET_KINDS),
  value: z.number().nullable().optional(),
  low: z.number().nullable().optional(),
  high: z.number().nullable().optional(),
  unit: nullableString,
  per: z.number().nullable().optional(),
  year: z.number().int().nullable(),
  baseline: baselineSchema.nullable().optional(),
  sectionId: nullableString,
  span: spanSchema,
});

export const warningSchema = z.object({
  code: z.string(),
  message: z.string(),
  span: spanSchema.optional(),
});

export const appendixSchema = z
  .object({
    title: nullableString,
    text: z.string(),
    tables: z.array(z.array(z.array(z.string()))),
    sections: z.array(sectionSchema),
    span: spanSchema,
  })
  .partial();

export const parsedDocumentSchema = z.object({
  schema: z.literal("parsed-document/1"),
  source: z.object({
    name: z.string(),
    format: z.enum(SOURCE_FORMATS),
    sha256: z.string(),
    chars: z.number().int(),
  }),
  system: z.enum(["party", "state"]).nullable(),
  type: z.enum(DOCUMENT_TYPES),
  symbol: nullableString,
  number: nullableString,
  issuer: z.object({ name: z.string(), parent: nullableString.optional() }).nullable(),
  place: nullableString,
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  title: nullableString,
  recipients: z.array(z.string()),
  distribution: z.array(z.string()),
  signer: signerSchema,
  references: z.array(referenceSchema),
  received: z.array(receivedSchema),
  copies: z.array(copySchema),
  preamble: nullableString,
  sections: z.array(sectionSchema),
  assignments: z.array(assignmentSchema),
  targets: z.array(targetSchema),
  warnings: z.array(warningSchema),
  appendices: z.array(appendixSchema),
});

export type ParsedDocument = z.infer<typeof parsedDocumentSchema>;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type Authority = (typeof AUTHORITIES)[number];
export type Recurrence = (typeof RECURRENCES)[number];
export type TargetKind = (typeof TARGET_KINDS)[number];
export type Signer = z.infer<typeof signerSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Received = z.infer<typeof receivedSchema>;
export type Copy = z.infer<typeof copySchema>;
export type Assignment = z.infer<typeof assignmentSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Baseline = z.infer<typeof baselineSchema>;
export type Warning = z.infer<typeof warningSchema>;
export type Appendix = z.infer<typeof appendixSchema>;
export type Span = [number, number];
