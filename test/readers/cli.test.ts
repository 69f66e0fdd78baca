// The command line as a scorer or a person runs it: bin/trienkhai in a child process. Bad files and bad
// usage end in exit 2 with exactly one line on stderr, Vietnamese then English, and no stack trace.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parsedDocumentSchema } from "../../src/parser/schema.ts";
import { damagedPng } from "../support/broken-files.ts";
import { textToDocx } from "../support/text-to-docx.ts";
import { textToPdf } from "../support/text-to-pdf.ts";
import { textToPngPages } from "../support/text-to-png.ts";

const BIN = resolve(import.meta.dirname, "../../bin/trienkhai");
const dir = mkdtempSync(join(tmpdir(), "trienkhai-cli-"));

const PLAN = [
  "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "XÃ BÌNH AN\tĐộc lập - Tự do - Hạnh phúc",
  "",
  "Số: 12/KH-UBND\tBình An, ngày 20 tháng 5 năm 2025",
  "",
  "KẾ HOẠCH",
  "Tổ chức ngày hội đọc sách tại các thôn năm 2025",
  "",
  "I. MỤC TIÊU",
  "- Đến năm 2027, tỷ lệ thôn có tủ sách cộng đồng đạt 100% (năm 2024 đạt 60%).",
  "",
  "II. NHIỆM VỤ",
  "1. Văn phòng Ủy ban nhân dân xã chủ trì, phối hợp với Đoàn Thanh niên xã tổ chức ngày hội trước ngày 30/6/2025.",
  "2. Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động nhân dân tham gia, báo cáo kết quả hằng năm.",
  "3. Các thôn rà soát danh sách hộ gia đình tham gia đọc sách, tổng hợp nhu cầu sách của từng thôn, đề xuất bổ sung tủ sách cộng đồng, gửi báo cáo trước ngày 31/10/2025 về Văn phòng Ủy ban nhân dân xã.",
  "",
  "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
  "- Thường trực Đảng ủy xã;\tCHỦ TỊCH",
  "- Lưu: VT.",
  "\tTrần Văn Hải",
].join("\n");

function run(args: string[], input?: string | Uint8Array) {
  const r = spawnSync(BIN, args, { input, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function expectOneBilingualLine(stderr: string): void {
  const lines = stderr.split("\n").filter((l) => l.length > 0);
  expect(lines).toHaveLength(1);
  const line = lines[0] as string;
  // Vietnamese (with its letters) first, then " / " and English.
  expect(line).toMatch(/[àáảãạăâđêôơưệữốộ].* \/ [A-Z][a-z]/);
  expect(line).not.toMatch(/\bat\s/);
}

describe("trienkhai parse", () => {
  it("prints one parsed-document/1 object as JSON by default", () => {
    const r = run(["parse", file("ke-hoach.txt", PLAN)]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const doc = parsedDocumentSchema.parse(JSON.parse(r.stdout));
    expect(doc).toMatchObject({ symbol: "12/KH-UBND", date: "2025-05-20", type: "ke_hoach" });
    expect(doc.source).toMatchObject({ name: "ke-hoach.txt", format: "txt" });
  });

  it("reads standard input for -", () => {
    const r = run(["parse", "--json", "-"], PLAN);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe("parsed-document/1");
    expect(doc.source.format).toBe("txt");
    expect(doc.symbol).toBe("12/KH-UBND");
  });

  it("prints a readable Vietnamese summary with --pretty", () => {
    const r = run(["parse", "--pretty", file("tom-tat.txt", PLAN)]);
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain("Loại văn bản: Kế hoạch");
    expect(out).toContain("Số, ký hiệu: 12/KH-UBND");
    expect(out).toContain("Địa danh, ngày: Bình An, 20/05/2025");
    expect(out).toContain("Trích yếu: Tổ chức ngày hội đọc sách tại các thôn năm 2025");
    expect(out).toMatch(/Bố cục:\n {2}I\. MỤC TIÊU\n {2}II\. NHIỆM VỤ\n {4}1\. /);
    expect(out).toContain("Chủ trì: Văn phòng Ủy ban nhân dân xã");
    expect(out).toContain("Phối hợp: Đoàn Thanh niên xã");
    expect(out).toContain("Thời hạn: 30/06/2025");
    expect(out).toContain("Thời hạn: hằng năm");
    expect(out).toMatch(/Chỉ tiêu \(1\):\n {2}- .*100%.*năm 2027.*gốc: 60.*năm 2024/);
    // a long task is cut between words, never inside a date
    expect(out).toContain("gửi báo cáo trước ngày…\n");
    expect(out).not.toContain("31/10/…");
  });

  it("parses a DOCX and a PDF with e-office stamps to the same symbol and date", () => {
    const stamped = textToPdf(PLAN, {
      formFields: [
        { pattern: /(?<=Số: )12/, value: "12" },
        { pattern: /(?<=ngày )20/, value: "20" },
      ],
    });
    return Promise.all([textToDocx(PLAN), stamped]).then(([docx, pdf]) => {
      for (const path of [file("ke-hoach.docx", docx), file("ke-hoach.pdf", pdf)]) {
        const r = run(["parse", path]);
        expect(r.status, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({
          symbol: "12/KH-UBND",
          date: "2025-05-20",
          type: "ke_hoach",
        });
      }
    });
  });

  it("reads a scan through OCR: progress on stderr, the JSON alone on stdout", async () => {
    const [png] = await textToPngPages(PLAN);
    const r = run(["parse", file("scan.png", png as Uint8Array)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("Nhận dạng chữ (OCR) trang 1/1\n");
    const doc = JSON.parse(r.stdout);
    expect(doc.source.format).toBe("png");
    expect(doc.symbol).toBe("12/KH-UBND");
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain("ocr");
  }, 120_000);

  it.each([
    ["a missing file", () => [join(dir, "khong-co.pdf")], /Không tìm thấy tệp .* \/ File not found/],
    ["an empty file", () => [file("rong.txt", "")], /rỗng.* \/ File .* is empty/],
    ["a corrupt PDF", () => [file("hong.pdf", "%PDF-1.7\n1 0 obj\n<<")], /bị hỏng .* \/ File .* is damaged/],
    ["a damaged PNG", () => [file("hong.png", damagedPng())], /bị hỏng .* \/ File .* not a valid PNG/],
    [
      "an unknown format",
      () => [file("bang.bin", new Uint8Array([0, 1, 2, 3, 0, 255]))],
      /không được hỗ trợ/,
    ],
    ["no file", () => [], /Cách dùng/],
    ["an unknown option", () => ["--bogus", "x.txt"], /Tùy chọn không hợp lệ: --bogus/],
  ])("exits 2 with one bilingual line for %s", (_, args, pattern) => {
    const r = run(["parse", ...args()]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expectOneBilingualLine(r.stderr);
    expect(r.stderr).toMatch(pattern);
  });

  it("exits 2 for an unknown command and answers --help and --version", () => {
    const bad = run(["phan-tich"]);
    expect(bad.status).toBe(2);
    expectOneBilingualLine(bad.stderr);
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("trienkhai parse");
    expect(help.stdout).toContain("Usage: trienkhai COMMAND");
    const parseHelp = run(["parse", "--help"]);
    expect(parseHelp.status).toBe(0);
    expect(parseHelp.stdout).toContain("--pretty");
    const version = run(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^trienkhai \d+\.\d+\.\d+\n$/);
  });
});
