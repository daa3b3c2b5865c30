/**
 * What the preview's file tests share: a browser store kept in memory, and a saved workbook
 * opened as the preview opens a file (the model rebuilt from its marker, then its other sheets
 * and names beside it).
 */
import ExcelJS from "exceljs";
import { MemoryHost } from "../../src/host/memory";
import { addPlainSheets, readWorkbookFile } from "../../src/preview/workbook-file";
import type { StoredWorkbook, WorkbookStore } from "../../src/preview/workbook-session";

/** The browser's storage as a value in memory; counts the saves. */
export class MapStore implements WorkbookStore {
  value: unknown = undefined;
  saves = 0;
  load(): Promise<unknown> {
    return Promise.resolve(structuredClone(this.value));
  }
  save(value: StoredWorkbook): Promise<void> {
    this.value = structuredClone(value);
    this.saves++;
    return Promise.resolve();
  }
  clear(): Promise<void> {
    this.value = undefined;
    return Promise.resolve();
  }
}

/** A saved workbook opened in a fresh in-memory workbook, as the preview opens a file. */
export async function reopen(bytes: Uint8Array): Promise<MemoryHost> {
  const file = await readWorkbookFile(bytes, ExcelJS);
  const host = new MemoryHost();
  await host.applyPlans(file.plans, { dialect: "live" });
  await addPlainSheets(host, file.sheets, file.names);
  return host;
}
