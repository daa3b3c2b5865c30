/**
 * Draws the add-in's icons (a rising bar chart on a rounded tile) and writes them to assets/ as PNGs.
 * Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed, so the build
 * does not depend on this script. Only node's zlib is used: no image library to install.
 *
 * Sizes: 16/32/80 for the ribbon button, 32/64 for IconUrl/HighResolutionIconUrl, 128 for stores.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLING = 4; // 4x4 samples per pixel gives smooth edges at 16 px.

// Fluent's brand blue (colorBrandBackground in webLightTheme) and white bars.
const TILE = [0x0f, 0x6c, 0xbd];
const BAR = [0xff, 0xff, 0xff];

// Geometry in unit coordinates (0..1, y down): the tile, then three bars rising to the right.
const TILE_RADIUS = 0.18;
const BARS = [
  { left: 0.2, right: 0.33, top: 0.56 },
  { left: 0.435, right: 0.565, top: 0.4 },
  { left: 0.67, right: 0.8, top: 0.2 },
];
const BAR_BOTTOM = 0.8;

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideBar(x, y) {
  return BARS.some((bar) => x >= bar.left && x <= bar.right && y >= bar.top && y <= BAR_BOTTOM);
}

/** RGBA pixels, row by row, each row prefixed with PNG filter type 0 (none). */
function drawRows(size) {
  const rowLength = 1 + size * 4;
  const raw = Buffer.alloc(rowLength * size);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tileHits = 0;
      let barHits = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          if (!insideRoundedSquare(x, y, TILE_RADIUS)) continue;
          tileHits++;
          if (insideBar(x, y)) barHits++;
        }
      }
      const offset = py * rowLength + 1 + px * 4;
      const barShare = tileHits === 0 ? 0 : barHits / tileHits;
      for (let c = 0; c < 3; c++) {
        raw[offset + c] = Math.round(TILE[c] * (1 - barShare) + BAR[c] * barShare);
      }
      raw[offset + 3] = Math.round((255 * tileHits) / samples);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace (PNG spec, sections 5 and 11.2.2). */
function encodePng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(drawRows(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, SIZES };
