// Plain text (.txt, .md): UTF-8 with or without a BOM, UTF-16 with a BOM (or the NUL pattern of one
// without), and windows-1258 — the Vietnamese code page older Word and Notepad files use — when the
// bytes are not valid UTF-8. The result is NFC with LF line ends: windows-1258 spells tones as combining
// marks, and the parser matches precomposed letters.

function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  // ASCII-heavy UTF-16 has a NUL in every other byte; UTF-8 and windows-1258 text has none.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.3 && even === 0) return "utf-16le";
  if (even > half * 0.3 && odd === 0) return "utf-16be";
  return null;
}

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) text = new TextDecoder(utf16).decode(bytes);
    else {
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder("windows-1258").decode(bytes);
      }
    }
  }
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

/** Whether bytes look like text rather than a binary format: no NULs outside UTF-16, few controls. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.length === 0) return true;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  if (utf16WithoutBom(head)) return true;
  let controls = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls <= head.length * 0.01;
}
