// A PDF's streams measured before pdf.js reads them. pdf.js decodes a stream whole into one growing
// buffer, so a decompression bomb (a few kilobytes that inflate to gigabytes, often through two Flate
// filters in a row) fills memory for half a minute before anything can stop it. Here each stream that
// goes through its own filter chain with a cap on what every step may produce: an image no more than
// its pixels need (a bomb that calls itself an image still serves as a page's content), anything else
// a few tens of megabytes, and all of those together a few hundred.
import { constants, inflateSync } from "node:zlib";

export const STREAM_LIMITS = {
  /** A page's content, a font, an object stream: a few megabytes in a real document. */
  maxStreamBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  /** One image, whatever size it declares: 50 megapixels of 8-bit CMYK. */
  maxImageBytes: 200 * 1024 * 1024,
};

export class StreamTooLarge extends Error {}

type Decoder = (data: Uint8Array, cap: number) => Uint8Array;

function flate(data: Uint8Array, cap: number): Uint8Array {
  try {
    // a truncated stream still yields what it holds, as pdf.js reads it
    return inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new StreamTooLarge(`a stream inflates past ${cap} bytes`);
    throw error;
  }
}

/** Output growing under a cap. */
function sink(cap: number) {
  let out = new Uint8Array(1024);
  let length = 0;
  return {
    push(byte: number) {
      if (length >= cap) throw new StreamTooLarge(`a stream decodes past ${cap} bytes`);
      if (length === out.length) {
        const bigger = new Uint8Array(Math.min(cap, out.length * 2));
        bigger.set(out);
        out = bigger;
      }
      out[length++] = byte;
    },
    done: () => out.subarray(0, length),
  };
}

function asciiHex(data: Uint8Array, cap: number): Uint8Array {
  const out = sink(cap);
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v =
      c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out.push((high << 4) | v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.done();
}

function ascii85(data: Uint8Array, cap: number): Uint8Array {
  const out = sink(cap);
  const group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    let v = 0;
    for (const d of group) v = v * 85 + d;
    for (let i = 0; i < n - 1; i++) out.push((v >>> (24 - 8 * i)) & 0xff);
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 0x7e) break;
    if (c === 0x7a && group.length === 0) {
      for (let k = 0; k < 4; k++) out.push(0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return out.done();
}

function runLength(data: Uint8Array, cap: number): Uint8Array {
  const out = sink(cap);
  for (let i = 0; i < data.length; ) {
    const n = data[i++] as number;
    if (n === 128) break;
    if (n < 128) for (let k = 0; k <= n && i < data.length; k++) out.push(data[i++] as number);
    else {
      const b = data[i++] ?? 0;
      for (let k = 0; k < 257 - n; k++) out.push(b);
    }
  }
  return out.done();
}

function lzw(data: Uint8Array, cap: number): Uint8Array {
  const out = sink(cap);
  // entries as (prefix entry, last byte, length): no string is ever copied
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
  }
  let next = 258;
  let width = 9;
  let previous = -1;
  let bits = 0;
  let buffer = 0;
  const stack = new Uint8Array(4096);
  const emit = (code: number): number => {
    let n = 0;
    for (let c = code; c >= 0; c = prefix[c] as number) stack[n++] = suffix[c] as number;
    for (let k = n - 1; k >= 0; k--) out.push(stack[k] as number);
    return stack[n - 1] as number;
  };
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= width) {
      bits -= width;
      const code = (buffer >>> bits) & ((1 << width) - 1);
      if (code === 256) {
        next = 258;
        width = 9;
        previous = -1;
        continue;
      }
      if (code === 257) return out.done();
      let first: number;
      if (code < next) first = emit(code);
      else if (code === next && previous >= 0) {
        first = emit(previous);
        out.push(first);
      } else return out.done();
      if (previous >= 0 && next < 4096) {
        prefix[next] = previous;
        suffix[next] = first;
        next++;
      }
      // the default EarlyChange of 1: the width grows one code early
      if (next + 1 >= 1 << width && width < 12) width++;
      previous = code;
    }
    buffer &= (1 << bits) - 1;
  }
  return out.done();
}

const DECODERS: Record<string, Decoder> = {
  FlateDecode: flate,
  Fl: flate,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
  RunLengthDecode: runLength,
  RL: runLength,
  LZWDecode: lzw,
  LZW: lzw,
};

interface RawStream {
  filters: string[];
  data: Uint8Array;
  /** For an image: the most its pixels can take. */
  imageBytes: number | null;
}

/** What an image's pixels take at most, from its dictionary (one extra byte a row for predictors). */
function imageBytes(dict: string, limit: number): number {
  const direct = (key: string): number => {
    const m = new RegExp(`/${key}\\s+(\\d{1,9})(?!\\d)(?!\\s+\\d+\\s+R)`).exec(dict);
    return m ? Number(m[1]) : Number.NaN;
  };
  const width = direct("Width");
  const height = direct("Height");
  if (!Number.isFinite(width) || !Number.isFinite(height)) return limit;
  const bits = direct("BitsPerComponent") || 8;
  const components = /\/ImageMask\s+true|\/DeviceGray|\/CalGray|\/Indexed/.test(dict)
    ? 1
    : /\/DeviceRGB|\/CalRGB|\/Lab/.test(dict)
      ? 3
      : 4;
  return Math.min(limit, height * (Math.ceil((width * components * bits) / 8) + 1) + 65_536);
}

/** Stream objects found by their keywords: the dictionary before `stream`, the bytes up to `endstream`. */
function* streamsOf(bytes: Uint8Array, text: string, limits: typeof STREAM_LIMITS): Generator<RawStream> {
  const keyword = /stream(?:\r\n|\n|\r)/g;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    if (text.startsWith("end", m.index - 3)) continue;
    const dictStart = Math.max(text.lastIndexOf("obj", m.index), m.index - 65_536, 0);
    const dict = text.slice(dictStart, m.index);
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    keyword.lastIndex = end < 0 ? text.length : end + 9;
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dict)?.[1];
    if (!filter) continue;
    yield {
      filters: [...filter.matchAll(/\/([^\s/[\]<>()]+)/g)].map((f) => f[1] as string),
      data: bytes.subarray(start, end < 0 ? bytes.length : end),
      imageBytes: /\/Subtype\s*\/Image/.test(dict) ? imageBytes(dict, limits.maxImageBytes) : null,
    };
  }
}

/**
 * Decodes every stream through the filters it names, as far as they are ones that can grow it;
 * throws StreamTooLarge when a step passes the stream's cap or the streams other than images pass
 * the total. A stream these decoders cannot read is left to pdf.js, which repairs or refuses it.
 * Returns the bytes decoded, images aside.
 */
export function measureStreams(bytes: Uint8Array, text: string, limits = STREAM_LIMITS): number {
  let total = 0;
  for (const s of streamsOf(bytes, text, limits)) {
    const cap = s.imageBytes ?? Math.min(limits.maxStreamBytes, limits.maxTotalBytes - total);
    if (cap <= 0) throw new StreamTooLarge(`streams decode past ${limits.maxTotalBytes} bytes`);
    let data = s.data;
    for (const name of s.filters) {
      const decode = DECODERS[name];
      if (!decode) break;
      try {
        data = decode(data, cap);
      } catch (error) {
        if (error instanceof StreamTooLarge) throw error;
        break;
      }
    }
    if (s.imageBytes === null && data !== s.data) total += data.length;
  }
  return total;
}
