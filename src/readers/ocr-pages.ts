// OCR of several scanned pages: one Tesseract worker per core (at most MAX_WORKERS), each taking the
// next page as it finishes the last, while the main thread renders. Tesseract's WebAssembly runs one
// page on one core, so two workers read a scan of several pages in about half the time on two cores.
import { availableParallelism } from "node:os";
import type { OcrEngine, OcrPage } from "./ocr.ts";
import type { OcrProgress } from "./read-types.ts";

const MAX_WORKERS = 4;

export interface OcrPagesOptions {
  count: number;
  render(index: number): Promise<Uint8Array>;
  createEngine(): Promise<OcrEngine>;
  onProgress?: ((p: OcrProgress) => void) | undefined;
}

export async function recognizePages(options: OcrPagesOptions): Promise<OcrPage[]> {
  const { count } = options;
  if (count === 0) return [];
  const results: OcrPage[] = new Array(count);
  const fractions: number[] = new Array(count).fill(0);
  let reported = 0;
  const report = (index: number, fraction: number): void => {
    fractions[index] = fraction;
    // The overall share never goes back, even when a slower page reports after a faster one.
    reported = Math.max(reported, fractions.reduce((a, b) => a + b, 0) / count);
    options.onProgress?.({ stage: "ocr", page: index + 1, pages: count, fraction: reported });
  };
  let next = 0;
  const engines: OcrEngine[] = [];
  const workers = Math.max(1, Math.min(count, availableParallelism(), MAX_WORKERS));
  try {
    // allSettled: a failing worker must not leave the others running past the clean-up below.
    const settled = await Promise.allSettled(
      Array.from({ length: workers }, async () => {
        const engine = await options.createEngine();
        engines.push(engine);
        for (let index = next++; index < count; index = next++) {
          report(index, 0);
          const image = await options.render(index);
          results[index] = await engine.recognize(image, (f) => report(index, f));
          report(index, 1);
        }
      }),
    );
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
  } finally {
    await Promise.all(engines.map((e) => e.close()));
  }
  return results;
}
