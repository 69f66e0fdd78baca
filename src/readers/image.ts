// Page images (.png, .jpg) read by OCR. The size is read from the header before anything decodes the
// image, so one that would expand to gigabytes of pixels is refused; the image is then decoded here
// (@napi-rs/canvas) and handed to Tesseract re-encoded, so a damaged file is reported as such instead
// of making Tesseract's own decoder print to the terminal.
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { ReadError } from "./errors.ts";
import { createOcrEngine, ocrLines } from "./ocr.ts";
import type { OcrProgress } from "./read-types.ts";

export const MAX_PIXELS = 120_000_000;

function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The IHDR chunk comes first: length, "IHDR", width, height.
  if (dv.getUint32(12) !== 0x49484452) return null;
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 2;
  while (p + 9 < bytes.length) {
    if (bytes[p] !== 0xff) return null;
    const marker = bytes[p + 1] as number;
    if (marker === 0xff) {
      p++;
      continue;
    }
    // Start-of-frame markers (C0–CF but C4, C8, CC) carry the height and width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: dv.getUint16(p + 5), width: dv.getUint16(p + 7) };
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    p += 2 + dv.getUint16(p + 2);
  }
  return null;
}

export function checkImage(bytes: Uint8Array, name: string, format: "png" | "jpeg"): void {
  const size = format === "png" ? pngSize(bytes) : jpegSize(bytes);
  if (!size || size.width === 0 || size.height === 0) {
    throw new ReadError("file-corrupt", { name, format: format.toUpperCase() });
  }
  if (size.width * size.height > MAX_PIXELS || size.width > 30_000 || size.height > 30_000) {
    throw new ReadError("file-too-large", { name, detail: `${size.width}×${size.height} px` });
  }
}

async function decode(bytes: Uint8Array, name: string, format: "png" | "jpeg"): Promise<Uint8Array> {
  try {
    const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext("2d");
    // Transparent scans become black on white, as printed.
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, image.width, image.height);
    ctx.drawImage(image, 0, 0);
    return new Uint8Array(await canvas.encode("png"));
  } catch (error) {
    throw new ReadError("file-corrupt", { name, format: format.toUpperCase() }, { cause: error });
  }
}

export async function readImage(
  bytes: Uint8Array,
  name: string,
  format: "png" | "jpeg",
  onProgress: ((p: OcrProgress) => void) | undefined,
): Promise<{ text: string; confidence: number }> {
  checkImage(bytes, name, format);
  const report = (fraction: number): void => onProgress?.({ stage: "ocr", page: 1, pages: 1, fraction });
  const png = await decode(bytes, name, format);
  report(0);
  const engine = await createOcrEngine();
  try {
    const page = await engine.recognize(png, report).catch((error: unknown) => {
      throw new ReadError("file-corrupt", { name, format: format.toUpperCase() }, { cause: error });
    });
    report(1);
    return {
      text: ocrLines(page).join("\n"),
      confidence: page.words > 0 ? page.confidenceSum / page.words : 0,
    };
  } finally {
    await engine.close();
  }
}
