/**
 * The zip container of a package, read and written directly when the platform has a native raw
 * DEFLATE (Node's zlib): the command line's path. JSZip does the same work in JavaScript (pako
 * for the deflate, a chunked worker pipeline for everything else), which for a 5,000-row model
 * (17 MB of XML) costs seconds; the browser keeps JSZip.
 *
 * Only what ExcelJS writes when asked for a stored package is read: every entry stored (method 0),
 * no encryption, no zip64. Anything else is not read here (null), and the caller uses JSZip.
 * The written zip has the entries of the stored one, in the same order, with the same names,
 * folders and dates; the parts are deflated, as JSZip writes them (APPNOTE.TXT 6.3, section 4).
 */

/** One entry of a stored zip: a folder (name ending in "/", no data) or a part. */
export interface ZipEntry {
  readonly name: string;
  /** MS-DOS time and date fields as the zip holds them (APPNOTE 4.4.6). */
  readonly dosTime: number;
  readonly dosDate: number;
  readonly crc32: number;
  readonly data: Uint8Array;
}

/** Compresses bytes to a raw DEFLATE stream (RFC 1951: no zlib or gzip wrapper). */
export type RawDeflate = (data: Uint8Array) => Promise<Uint8Array>;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DIRECTORY_END = 0x06054b50;
/** General purpose flag bits (APPNOTE 4.4.4): encrypted; file name in UTF-8. */
const ENCRYPTED = 0x0001;
const UTF8_NAME = 0x0800;

/**
 * The entries of a zip whose every entry is stored, in central-directory order; null when the
 * zip is anything else (a compressed or encrypted entry, zip64, a damaged directory).
 */
export function readStoredZip(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes and a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === DIRECTORY_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff || at + directorySize > end) return null;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // A name outside ASCII without the UTF-8 flag is in code page 437: not one ExcelJS writes.
    if (method !== 0 || flags & ENCRYPTED || size !== view.getUint32(at + 24, true)) return null;
    if (!(flags & UTF8_NAME) && nameBytes.some((b) => b >= 0x80)) return null;
    const local = view.getUint32(at + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) return null;
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + size > bytes.length) return null;
    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      return null;
    }
    entries.push({
      name,
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      crc32: view.getUint32(at + 16, true),
      data: bytes.subarray(dataStart, dataStart + size),
    });
    at = next;
  }
  return entries;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 of the zip format (ISO 3309, polynomial 0xEDB88320), as APPNOTE 4.4.7 requires. */
export function crc32(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * The zip of the entries: every part deflated (method 8), every folder stored empty, in the
 * given order. `deflate` runs for all parts at once, so a native one can use several threads.
 */
export async function writeZip(entries: readonly ZipEntry[], deflate: RawDeflate): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const prepared = await Promise.all(
    entries.map(async (entry) => {
      const folder = entry.name.endsWith("/");
      const name = encoder.encode(entry.name);
      return {
        entry,
        folder,
        name,
        flags: name.length !== entry.name.length ? UTF8_NAME : 0,
        body: folder ? new Uint8Array(0) : await deflate(entry.data),
      };
    }),
  );
  const size = prepared.reduce((sum, p) => sum + 30 + p.name.length + p.body.length + 46 + p.name.length, 22);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  // The fields a local header and its central-directory record share (APPNOTE 4.3.7, 4.3.12).
  const common = (at: number, p: (typeof prepared)[number]): void => {
    view.setUint16(at, p.folder ? 10 : 20, true); // version needed: 1.0 stored, 2.0 deflated
    view.setUint16(at + 2, p.flags, true);
    view.setUint16(at + 4, p.folder ? 0 : 8, true);
    view.setUint16(at + 6, p.entry.dosTime, true);
    view.setUint16(at + 8, p.entry.dosDate, true);
    view.setUint32(at + 10, p.folder ? 0 : p.entry.crc32, true);
    view.setUint32(at + 14, p.body.length, true);
    view.setUint32(at + 18, p.folder ? 0 : p.entry.data.length, true);
    view.setUint16(at + 22, p.name.length, true);
    view.setUint16(at + 24, 0, true); // no extra field
  };
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    common(at + 4, p);
    out.set(p.name, at + 30);
    out.set(p.body, at + 30 + p.name.length);
    at += 30 + p.name.length + p.body.length;
  }
  const directory = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 0x0014, true); // made by: MS-DOS attributes, version 2.0 (as JSZip)
    common(at + 6, p);
    // Comment length, disk number, internal attributes: zero.
    view.setUint32(at + 38, p.folder ? 0x10 : 0, true); // external attributes: MS-DOS directory bit
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, DIRECTORY_END, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
