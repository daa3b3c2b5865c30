/**
 * zip.ts: the stored package read in place and the final zip written with a native deflate. What
 * it reads must be exactly what JSZip reads, what it writes must be a zip JSZip (and so Excel's
 * readers) open with the same entries, and anything it does not read is left to JSZip.
 */
import JSZip from "jszip";
import { promisify } from "util";
import { deflateRaw, inflateRawSync } from "zlib";
import { crc32, readStoredZip, writeZip } from "../../src/export/zip";

const deflate = (data: Uint8Array) => promisify(deflateRaw)(data);

async function storedZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/worksheets/sheet1.xml", `<worksheet>${"<row/>".repeat(2000)}營收</worksheet>`);
  zip.file("xl/empty.xml", "");
  zip.file("docProps/營收.xml", "<x/>");
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

describe("zip", () => {
  it("computes the zip format's CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("reads a stored zip's entries as JSZip does: names, folders, order, bytes and CRC", async () => {
    const bytes = await storedZip();
    const zip = await JSZip.loadAsync(bytes);
    const entries = readStoredZip(bytes)!;
    expect(entries.map((e) => e.name)).toEqual(Object.keys(zip.files));
    for (const entry of entries) {
      const file = zip.files[entry.name];
      if (file.dir) expect(entry.data).toHaveLength(0);
      else {
        expect(entry.data).toEqual(await file.async("uint8array"));
        expect(entry.crc32).toBe(crc32(entry.data));
      }
    }
  });

  it("leaves a deflated zip or bytes that are no zip to JSZip", async () => {
    const zip = await JSZip.loadAsync(await storedZip());
    expect(readStoredZip(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }))).toBeNull();
    expect(readStoredZip(new TextEncoder().encode("not a zip at all, not even close to one"))).toBeNull();
  });

  it("writes every part deflated and every folder empty, in order, with their dates", async () => {
    const stored = await storedZip();
    const entries = readStoredZip(stored)!;
    const written = await writeZip(entries, deflate);
    const zip = await JSZip.loadAsync(written, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    const again = await JSZip.loadAsync(stored);
    for (const entry of entries) {
      const file = zip.files[entry.name];
      expect([entry.name, file.dir]).toEqual([entry.name, entry.name.endsWith("/")]);
      expect(file.date).toEqual(again.files[entry.name].date);
      if (!file.dir) expect(await file.async("uint8array")).toEqual(entry.data);
    }
    // The parts are compressed (method 8), not stored: the large sheet shrinks.
    expect(written.length).toBeLessThan(stored.length / 4);
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(inflateRawSync(await deflate(sheet.data))).toEqual(Buffer.from(sheet.data));
  });
});
