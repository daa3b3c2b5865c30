/**
 * Pixel size of a PNG, read from its IHDR chunk (PNG spec 11.2.2): the 8-byte signature, then the
 * IHDR length and type, then width and height as big-endian 32-bit integers.
 */
import * as fs from "node:fs";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error(`${file} is not a PNG file`);
  }
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} has no IHDR chunk first`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
