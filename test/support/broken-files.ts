// Test-only: files that are broken in ways honest tools never produce.

/** A PNG signature and a header announcing `width`×`height` pixels, then bytes no decoder accepts. */
export function damagedPng(width = 16, height = 16): Uint8Array {
  const png = Buffer.alloc(64, 0x41);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png, 0);
  png.writeUInt32BE(13, 8);
  png.write("IHDR", 12, "latin1");
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return new Uint8Array(png);
}
