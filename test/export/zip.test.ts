/**
 * zip.ts: the command line's zip container (fflate) with Node's zlib. What it reads must be
 * exactly what JSZip reads, what it writes must be a zip JSZip (and so Excel's readers) open with
 * the same entries, bytes and CRC-32s, and a package that is not stored is left to JSZip.
 */
import JSZip from "jszip";
import { crc32 } from "zlib";
import { readStoredZip, writeZip } from "../../src/export/zip";

async function storedZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/worksheets/sheet1.xml", `<worksheet>${"<row/>".repeat(2000)}營收</worksheet>`);
  zip.file("xl/empty.xml", "");
  zip.file("docProps/營收.xml", "<x/>");
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** Each entry's method and CRC-32 as the central directory holds them (APPNOTE.TXT 4.3.12). */
function centralDirectory(bytes: Uint8Array): Map<string, { method: number; crc: number; dir: boolean }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22; // no comment in the zips written here
  let at = view.getUint32(end + 16, true);
  const found = new Map<string, { method: number; crc: number; dir: boolean }>();
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const dir = (view.getUint32(at + 38, true) & 0x10) !== 0;
    found.set(name, { method: view.getUint16(at + 10, true), crc: view.getUint32(at + 16, true), dir });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return found;
}

describe("zip", () => {
  it("reads a stored zip's entries as JSZip does: names, folders, order and bytes", async () => {
    const bytes = await storedZip();
    const zip = await JSZip.loadAsync(bytes);
    const entries = readStoredZip(bytes)!;
    expect(entries.map((e) => e.name)).toEqual(Object.keys(zip.files));
    for (const entry of entries) {
      const file = zip.files[entry.name];
      if (file.dir) expect(entry.data).toHaveLength(0);
      else expect(entry.data).toEqual(await file.async("uint8array"));
    }
  });

  it("leaves a deflated zip or bytes that are no zip to JSZip", async () => {
    const zip = await JSZip.loadAsync(await storedZip());
    expect(readStoredZip(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }))).toBeNull();
    expect(readStoredZip(new TextEncoder().encode("not a zip at all, not even close to one"))).toBeNull();
  });

  it("writes every part deflated with its CRC-32 and every folder empty, in order", async () => {
    const stored = await storedZip();
    const entries = readStoredZip(stored)!;
    const written = await writeZip(entries);
    const zip = await JSZip.loadAsync(written, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    const directory = centralDirectory(written);
    const before = centralDirectory(stored);
    for (const entry of entries) {
      const file = zip.files[entry.name];
      const folder = entry.name.endsWith("/");
      expect([entry.name, file.dir]).toEqual([entry.name, folder]);
      // Parts deflated (method 8), folders stored and marked as folders, as JSZip writes them;
      // every CRC-32 the one of the bytes, as the stored zip had it.
      expect(directory.get(entry.name)).toEqual({
        method: folder ? 0 : 8,
        crc: before.get(entry.name)!.crc,
        dir: folder,
      });
      expect(directory.get(entry.name)!.crc).toBe(crc32(entry.data));
      if (!folder) expect(await file.async("uint8array")).toEqual(entry.data);
    }
    // The large sheet shrinks.
    expect(written.length).toBeLessThan(stored.length / 4);
  });

  it("writes a zip JSZip reads even with no entries", async () => {
    expect(Object.keys((await JSZip.loadAsync(await writeZip([]))).files)).toEqual([]);
  });
});
