// npm run bench:parse — parser throughput over at least 1 MB of documents (the project's corpus,
// repeated), against a baseline that only NFC-normalises and splits lines; and the time on 1 MB
// adversarial inputs at growing sizes, to show that no regular expression backtracks badly.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "../src/parser/parse.ts";

const dir = join(import.meta.dirname, "..", "corpus", "documents");
const docs = readdirSync(dir)
  .filter((f) => /\.(txt|md)$/.test(f))
  .map((f) => readFileSync(join(dir, f), "utf8"));
if (docs.length === 0) throw new Error(`no documents in ${dir}`);
const source = { name: "bench.txt", format: "txt" as const, sha256: "0".repeat(64) };

const batch: string[] = [];
let bytes = 0;
while (bytes < 1.5e6) {
  for (const d of docs) {
    batch.push(d);
    bytes += Buffer.byteLength(d);
  }
}
const mb = bytes / 1e6;

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
function best(runs: number, fn: () => void): number {
  let b = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) b = Math.min(b, time(fn));
  return b;
}

let sink = 0;
const baseline = best(5, () => {
  for (const d of batch) sink += d.normalize("NFC").split("\n").length;
});
best(1, () => {
  for (const d of batch) sink += parseDocument(d, source).sections.length;
});
const parse = best(5, () => {
  for (const d of batch) sink += parseDocument(d, source).sections.length;
});

// Adversarial inputs: the time for 1 MB should be about 4× the time for 256 KB (linear).
const adversarial: Record<string, (n: number) => string> = {
  "one long line": (n) => "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan ".repeat(n / 56),
  "spaces after Số": (n) => `Số${" ".repeat(n)}x`,
  "repeated Số": (n) => "Số: ".repeat(n / 4),
  "repeated labels": (n) => "1. 1. a) I. ".repeat(n / 12),
  "repeated dates": (n) => "ngày 1 tháng 1 năm ".repeat(n / 19),
  "digits and dots": (n) => "1.000.000,5 ".repeat(n / 12),
  "bullets only": (n) => "- \n".repeat(n / 3),
  pipes: (n) => "| ".repeat(n / 2),
  "open pipe rows": (n) => "| 1 | Nội dung | Sở\n".repeat(n / 20),
  symbols: (n) => "69-KL/TW ".repeat(n / 9),
  "clauses after ;": (n) => "; giao việc x ".repeat(n / 14),
  "layout rows": (n) => "| Nơi nhận:<br>- Lưu | KT. CHỦ TỊCH |\n".repeat(n / 36),
};
console.log(`corpus: ${docs.length} documents repeated to ${mb.toFixed(2)} MB`);
console.log(`baseline (NFC + split lines): ${(mb / baseline).toFixed(1)} MB/s`);
let worstScaling = 0;
for (const [name, make] of Object.entries(adversarial)) {
  const small = make(256_000);
  const large = make(1_024_000);
  const ts = best(5, () => void parseDocument(small, source));
  const tl = best(5, () => void parseDocument(large, source));
  const scaling = tl / Math.max(ts, 1e-6);
  worstScaling = Math.max(worstScaling, scaling);
  console.log(
    `adversarial ${name}: 256 KB ${(ts * 1000).toFixed(0)} ms, 1 MB ${(tl * 1000).toFixed(0)} ms (×${scaling.toFixed(1)})`,
  );
}
if (sink < 0) console.log(sink);
console.log(`adversarial_scaling: ${worstScaling.toFixed(1)} x (4.0 = linear)`);
console.log(`parse_throughput: ${(mb / parse).toFixed(1)} MB/s`);
console.log(`parse_vs_baseline: ${(parse / baseline).toFixed(1)} x`);
