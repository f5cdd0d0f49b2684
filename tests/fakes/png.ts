const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size from its IHDR chunk, or what is wrong with the bytes (as an image host would refuse them). */
export function pngSize(data: Buffer): { width: number; height: number } | { error: string } {
  if (data.length < 33 || !data.subarray(0, 8).equals(SIGNATURE)) return { error: 'not a PNG: bad signature' };
  if (data.readUInt32BE(8) !== 13 || data.subarray(12, 16).toString('latin1') !== 'IHDR') return { error: 'not a PNG: first chunk is not IHDR' };
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  if (width === 0 || height === 0) return { error: `PNG of ${width}x${height}` };
  if (data.subarray(data.length - 8, data.length - 4).toString('latin1') !== 'IEND') return { error: 'PNG without IEND: truncated' };
  return { width, height };
}
