/**
 * The command line's zip container: ExcelJS's stored package read, and the final package written,
 * with fflate, each part deflated by Node's zlib. JSZip does the same work in JavaScript (pako for
 * the deflate, a chunked worker pipeline for everything else), which for a 5,000-row model (17 MB
 * of XML) costs seconds. Node-only (zlib): package.ts and xlsx.ts import only its types, so
 * neither fflate nor zlib reaches the browser, which keeps JSZip.
 *
 * Only a package whose every entry is stored (method 0) is read here, as ExcelJS writes it when
 * asked for a stored package; anything else (a deflated entry, bytes that are no zip) is not read
 * (null), and the caller uses JSZip. The written zip has the entries of the stored one, in the
 * same order, with the same names; the parts are deflated, the folders stored empty, as JSZip
 * writes them.
 */
import { type FlateError, unzipSync, Zip, ZipPassThrough } from "fflate";
import { promisify } from "util";
import { deflateRaw } from "zlib";

/** One entry of a stored zip: a folder (name ending in "/", no data) or a part. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

/** What finishPackage needs to read and write a package without JSZip. */
export interface NativeZip {
  /** The entries of a zip whose every entry is stored, in zip order; null for anything else. */
  read(bytes: Uint8Array): ZipEntry[] | null;
  /** The zip of the entries, in the given order: parts deflated, folders stored empty. */
  write(entries: readonly ZipEntry[]): Promise<Uint8Array>;
}

/** MS-DOS directory attribute (APPNOTE.TXT 4.4.15), which JSZip sets on a folder. */
const DIRECTORY = 0x10;

const deflateRawAsync = promisify(deflateRaw);

export function readStoredZip(bytes: Uint8Array): ZipEntry[] | null {
  let stored = true;
  let files: Record<string, Uint8Array>;
  try {
    // The filter sees each entry's method before it is read: a deflated one means this is not
    // ExcelJS's stored package, and nothing is inflated.
    files = unzipSync(bytes, { filter: (file) => (stored &&= file.compression === 0) });
  } catch {
    return null;
  }
  if (!stored) return null;
  // Keys keep the zip's order: no package path is an integer-like key, which objects put first.
  return Object.entries(files).map(([name, data]) => ({ name, data }));
}

/**
 * A part deflated by Node's zlib at level 6, the level JSZip (pako, a port of zlib) used: the
 * same compression, natively and on the thread pool, so the large sheets compress side by side.
 * fflate's pass-through counts the size and the CRC-32 of the uncompressed bytes; process() is
 * fflate's documented place for a compression of one's own.
 */
class NativeDeflatePart extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    deflateRawAsync(chunk, { level: 6 }).then(
      (deflated) => this.ondata(null, deflated, final),
      (error: Error) => this.ondata(error as FlateError, new Uint8Array(0), true),
    );
  }
}

export function writeZip(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    // fflate emits the entries in the order they were added, whichever finishes compressing first.
    const zip = new Zip((error, chunk, final) => {
      if (error) return reject(error);
      chunks.push(chunk);
      if (!final) return;
      const out = new Uint8Array(chunks.reduce((size, c) => size + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      resolve(out);
    });
    for (const entry of entries) {
      if (entry.name.endsWith("/")) {
        const folder = new ZipPassThrough(entry.name);
        folder.attrs = DIRECTORY;
        zip.add(folder);
        folder.push(new Uint8Array(0), true);
      } else {
        const part = new NativeDeflatePart(entry.name);
        zip.add(part);
        part.push(entry.data, true);
      }
    }
    zip.end();
  });
}

/** The command line's: fflate's container, Node's zlib. */
export const nativeZip: NativeZip = { read: readStoredZip, write: writeZip };
