// The parser never throws and never hangs: at least 10,000 generated and mutated documents parse to
// schema-valid output with every span inside the text, and without the internal-error fallback.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/parser/parse.ts";
import { hasShared, loadCorpus, projectCorpusDir, seedsDir } from "../support/corpus.ts";
import { schemaErrors, spanErrors } from "../support/schema.ts";

const source = { name: "fuzz.txt", format: "txt" as const, sha256: "0".repeat(64) };
const bases = [...loadCorpus(projectCorpusDir), ...(hasShared ? loadCorpus(seedsDir) : [])].map(
  (e) => e.text,
);

// Fragments of official documents, for documents assembled at random.
const fragments = fc.oneof(
  fc.constantFrom(
    "ỦY BAN NHÂN DÂN",
    "TỈNH QUẢNG NGÃI",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "TỈNH ỦY GIA LAI",
    "*",
    "Số: 12/KH-UBND",
    "Số 205-CV/TU",
    "Số:      /UBND-VP",
    "Quảng Ngãi, ngày 15 tháng 3 năm 2025",
    "Gia Lai, ngày    tháng   năm 2025",
    "KẾ HOẠCH",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "V/v triển khai thực hiện Kết luận số 69-KL/TW",
    "Kính gửi:",
    "- Các sở, ban, ngành tỉnh;",
    "I. MỤC TIÊU",
    "II - NHIỆM VỤ",
    "1. Mục tiêu cụ thể đến năm 2030",
    "2.1. Sở Tài chính",
    "a) Ủy ban nhân dân các xã chủ trì, phối hợp với Sở Nội vụ triển khai trước ngày 30/6/2025.",
    "- Tỷ lệ hộ nghèo giảm xuống dưới 2%; thu nhập bình quân tăng 8%/năm.",
    "- Phấn đấu thuộc tốp 10 tỉnh dẫn đầu; đạt 12 bác sĩ trên một vạn dân.",
    "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |",
    "| 1 | Xây dựng đề án | Sở Nội vụ | Sở Tài chính | Quý III/2025 | Đề án |",
    "1\tRà soát\tSở Tư pháp\tCác sở\tTrong tháng 5/2026\tBáo cáo",
    "VĂN BẢN ĐẾN",
    "Số: 45 Ngày: 03/4/2025",
    "Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN",
    "- Như trên;                                 KT. CHỦ TỊCH",
    "- Lưu: VT.                                  PHÓ CHỦ TỊCH",
    "T/Ł BAN THƯỜNG VỤ",
    "Đã ký: Nguyễn Văn An",
    "SAO Y BẢN CHÍNH",
    "PHỤ LỤC",
    "(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/3/2025)",
    "- 2 -",
    "Trang 3",
    "Thực hiện Nghị quyết số 05-NQ/TU ngày 01/02/2025 của Tỉnh ủy,",
    "chậm nhất đến ngày 01 tháng 7 năm 2028; định kỳ 6 tháng, hằng quý, thường xuyên",
    "",
  ),
  fc.string({ maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
);
const assembled = fc.array(fragments, { maxLength: 80 }).map((lines) => lines.join("\n"));

const base = bases.length > 0 ? fc.constantFrom(...bases) : assembled;
const mutated = fc.oneof(
  fc
    .tuple(base, fc.nat(), fc.nat())
    .map(([t, a, b]) => t.slice(Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1))),
  fc.tuple(base, fc.nat()).map(([t, seed]) => {
    const lines = t.split("\n");
    for (let i = lines.length - 1; i > 0; i--) {
      const j = (seed * (i + 7)) % (i + 1);
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    return lines.join("\n");
  }),
  fc.tuple(base, fc.nat(), fc.nat(), fc.nat()).map(([t, a, b, at]) => {
    const block = t.slice(a % (t.length + 1), (a % (t.length + 1)) + (b % 3000));
    const p = at % (t.length + 1);
    return t.slice(0, p) + block + block + t.slice(p);
  }),
  fc
    .tuple(
      base,
      fc.array(fc.tuple(fc.nat(), fc.string({ unit: "binary", maxLength: 20 })), { maxLength: 20 }),
    )
    .map(([t, inserts]) => {
      let out = t;
      for (const [at, s] of inserts) {
        const p = at % (out.length + 1);
        out = out.slice(0, p) + s + out.slice(p);
      }
      return out;
    }),
  base.map((t) => t.replace(/\n/g, " ")),
  fc
    .tuple(base, fc.nat({ max: 200_000 }), fc.constantFrom(" ", "a", "1. ", "Số ", "ngày ", "-", "x "))
    .map(([t, n, unit]) => `${t}\n${unit.repeat(Math.ceil(n / unit.length))}\n${t.slice(0, 2000)}`),
  assembled,
);

function check(text: string): void {
  const doc = parseDocument(text, source);
  const problems = [
    ...schemaErrors(doc),
    ...spanErrors(doc),
    ...doc.warnings.filter((w) => w.code === "parser-error").map((w) => w.message),
  ];
  if (problems.length > 0)
    throw new Error(
      `${problems.slice(0, 5).join("; ")}\n--- input (${text.length} chars): ${JSON.stringify(text.slice(0, 400))}`,
    );
}

describe("parser robustness", () => {
  it("10,000 generated and mutated documents: no exception, schema-valid, spans inside the text", () => {
    let runs = 0;
    fc.assert(
      fc.property(mutated, (text) => {
        runs++;
        check(text);
      }),
      { numRuns: 10_000 },
    );
    console.log(`property runs: ${runs}`);
    expect(runs).toBeGreaterThanOrEqual(10_000);
  }, 600_000);

  it("inputs that are not documents at all", () => {
    for (const text of [
      "",
      " ",
      "\n\n\n",
      "\u0000\u0001",
      "🙂".repeat(1000),
      "Số",
      "Số:",
      "ngày",
      "|",
      "| |",
      "\t\t\t",
      "1.",
      "I.",
      "a)",
      "-",
    ]) {
      check(text);
    }
  });
});
