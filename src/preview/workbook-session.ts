/**
 * The preview's open workbook, as the worker holds it: a MemoryHost that can be swapped for a
 * file's workbook or a new one, kept in the browser's storage as it changes, and its status
 * (unsaved changes, stored) for the page. The page reaches it through connectWorker: the
 * session's own methods (open, save, new) and, by name, every method of the MemoryHost.
 *
 * Storage: after each change, once the workbook has been still for PERSIST_DELAY_MS, its snapshot
 * (cells as written, names, template plans) is written under one key; on loading, a stored
 * snapshot is restored and recalculated. "Unsaved" means changed since the workbook was last
 * saved to a file or opened from one; it is stored too, so a reload still knows.
 */
import { setMessageLocale } from "../functions/boundary";
import type { Locale } from "../i18n/locale";
import { MemoryHost } from "../host/memory";
import { isSnapshot, type WorkbookSnapshot } from "../host/memory-snapshot";
import type { SessionStatus } from "../host/remote/protocol";
import { methodOf, type Served } from "../host/remote/server";
import type {
  ApplyOptions,
  ApplyProgress,
  ApplyResult,
  BuildRequest,
  ChangeEvent,
  PreparedBuild,
  Unsubscribe,
} from "../host/workbook-host";
import type { SheetPlan } from "../templates/plan";
import { outlineOf, planBuild } from "../taskpane/model/build";
import { shareableFileName } from "../taskpane/model/share";
import { type RowWindow, type SheetView, sheetView } from "./sheet-view";
import { addPlainSheets, readWorkbookFile, saveWorkbookFile } from "./workbook-file";

export const PERSIST_DELAY_MS = 400;
/**
 * The longest a change waits for the page to stop reading before it is stored anyway: the
 * snapshot of a 5,000-row model takes the worker about half a second, and taken while the page
 * still reads the change (its sheet view, the pane's figures) it delayed what an edit shows.
 */
export const PERSIST_MAX_WAIT_MS = 3_000;

/** What the browser's storage holds for the open workbook. */
export interface StoredWorkbook {
  readonly snapshot: WorkbookSnapshot;
  readonly fileName: string | null;
  readonly unsaved: boolean;
}

/** The browser's storage for one workbook (IndexedDB in the preview, a Map in tests). */
export interface WorkbookStore {
  load(): Promise<unknown>;
  save(value: StoredWorkbook): Promise<void>;
  clear(): Promise<void>;
}

/** What opening a file did. */
export interface OpenReport {
  /** "model": the file was this add-in's model and replaced the workbook; "sheets": plain sheets were added. */
  readonly kind: "model" | "sheets";
  /** The sheets the file brought, by their names in the workbook. */
  readonly sheets: readonly string[];
  readonly notes: readonly string[];
}

export interface SavedFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

/** The session's own methods the page may call; any other name goes to the MemoryHost. */
const SESSION_METHODS = new Set([
  "openWorkbook",
  "saveWorkbook",
  "newWorkbook",
  "flush",
  "setLocale",
  "sheetView",
  "prepareBuild",
  "applyBuild",
]);

export class WorkbookSession implements Served {
  private host = new MemoryHost();
  private unsubscribeHost: Unsubscribe = () => undefined;
  private revision = 0;
  private storedRevision = 0;
  private unsaved = false;
  private fileName: string | null = null;
  private storeError: string | null = null;
  private restoreFailed = false;
  /** Increments when the workbook is replaced (opened, new, restored): the page remounts its pane. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the change waiting to be stored came (ms, Date.now()); null: none waiting. */
  private pendingSince: number | null = null;
  /** The plans of the build prepared last, for the workbook they were planned against. */
  private prepared: {
    readonly ticket: number;
    readonly plans: SheetPlan[];
    readonly host: MemoryHost;
  } | null = null;
  private tickets = 0;
  private readonly changeListeners = new Set<(event: ChangeEvent) => void>();
  private readonly statusListeners = new Set<(status: SessionStatus) => void>();
  private readonly loaded: Promise<void>;

  constructor(
    private readonly store: WorkbookStore,
    private readonly persistDelayMs = PERSIST_DELAY_MS,
  ) {
    this.attach(this.host);
    this.loaded = this.restore();
  }

  ready(): Promise<void> {
    return this.loaded;
  }

  lookup(method: string): ((...args: unknown[]) => unknown) | undefined {
    // A request from the page while a change waits to be stored: the page is still reading what
    // changed, so the snapshot waits until it has been quiet too (up to PERSIST_MAX_WAIT_MS).
    if (this.timer !== null && method !== "flush") this.schedulePersist();
    return SESSION_METHODS.has(method) ? methodOf(this, method) : methodOf(this.host, method);
  }

  status(): SessionStatus {
    return {
      unsaved: this.unsaved,
      stored: this.storedRevision === this.revision,
      storeError: this.storeError,
      restoreFailed: this.restoreFailed,
      fileName: this.fileName,
      generation: this.generation,
    };
  }

  onChange(listener: (event: ChangeEvent) => void): Unsubscribe {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (status: SessionStatus) => void): Unsubscribe {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** The MemoryHost in use (tests). */
  current(): MemoryHost {
    return this.host;
  }

  // ---- the page's calls ------------------------------------------------------------------

  /**
   * Opens an .xlsx file: the add-in's model replaces the workbook (rebuilt from the templates with
   * the file's inputs); a foreign workbook's sheets are added beside what is open.
   */
  async openWorkbook(
    bytes: Uint8Array,
    fileName: string,
    onProgress?: (progress: ApplyProgress) => void,
  ): Promise<OpenReport> {
    const file = await readWorkbookFile(bytes);
    if (file.plans.length === 0) {
      const added = await addPlainSheets(this.host, file.sheets, file.names);
      this.changed({ sheets: added.sheets, source: "user" });
      return { kind: "sheets", sheets: added.sheets, notes: [...file.notes, ...added.notes] };
    }
    const host = new MemoryHost();
    const result = await host.applyPlans(file.plans, { dialect: "live", onProgress });
    const plain = await addPlainSheets(host, file.sheets, file.names);
    this.replace(host, fileName, false);
    return {
      kind: "model",
      sheets: [...result.sheets.map((s) => s.sheet), ...plain.sheets],
      notes: [...file.notes, ...plain.notes],
    };
  }

  /** The workbook as .xlsx; from now on it counts as saved under that file name. */
  async saveWorkbook(nowIso: string): Promise<SavedFile> {
    const now = new Date(nowIso);
    const bytes = await saveWorkbookFile(this.host, now);
    this.fileName = this.fileName ?? shareableFileName(now);
    this.unsaved = false;
    this.revision++;
    this.schedulePersist();
    this.emitStatus();
    return { bytes, fileName: this.fileName };
  }

  /** An empty workbook in place of the open one (the page asks first if it has unsaved changes). */
  async newWorkbook(): Promise<void> {
    this.replace(new MemoryHost(), null, false);
    return this.flush();
  }

  /** Writes the workbook to the browser's storage now, if it changed since it was last stored. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pendingSince = null;
    if (this.storedRevision === this.revision) return;
    const revision = this.revision;
    try {
      await this.store.save({
        snapshot: this.host.snapshot(),
        fileName: this.fileName,
        unsaved: this.unsaved,
      });
      this.storeError = null;
      this.restoreFailed = false;
      // A change that came in while writing leaves the store behind; its own timer follows.
      this.storedRevision = Math.max(this.storedRevision, revision);
    } catch (error) {
      this.storeError = error instanceof Error ? error.message : String(error);
      this.restoreFailed = false;
    }
    this.emitStatus();
  }

  /**
   * The grid's view of a sheet, built here in the worker from what the workbook tells of it: only
   * the view's plain data crosses to the page.
   */
  sheetView(sheet: string, window: RowWindow | null = null): SheetView {
    return sheetView(this.host, sheet, window);
  }

  /**
   * The pane's build, planned here next to the workbook (planBuild, as the pane plans for Excel):
   * the page sends the request and gets back outlines and what the build runs into, so a
   * 5,000-row plan is neither made on the page's thread nor copied across. The plans wait here
   * for applyBuild.
   */
  async prepareBuild(request: BuildRequest): Promise<PreparedBuild> {
    const host = this.host;
    const planned = await planBuild(host, request);
    const ticket = ++this.tickets;
    this.prepared = { ticket, plans: planned.plans, host };
    return {
      ticket,
      outlines: planned.plans.map(outlineOf),
      sheets: planned.sheets,
      lineCounts: planned.lineCounts,
      conflicts: planned.conflicts,
      nameConflicts: planned.nameConflicts,
      keeps: planned.keeps,
    };
  }

  /** Applies the prepared build's plans; refused for an older ticket or a replaced workbook. */
  async applyBuild(ticket: number, options: ApplyOptions): Promise<ApplyResult> {
    const prepared = this.prepared;
    if (!prepared || prepared.ticket !== ticket || prepared.host !== this.host)
      throw new Error("The workbook changed since this build was planned: build again.");
    this.prepared = null;
    return this.host.applyPlans(prepared.plans, options);
  }

  /** The GENAI functions' messages in the pane's language (they run here, in the worker). */
  setLocale(locale: Locale): void {
    setMessageLocale(locale);
  }

  // ---- inside --------------------------------------------------------------------------

  private async restore(): Promise<void> {
    let stored: unknown;
    try {
      stored = await this.store.load();
    } catch (error) {
      this.storeError = error instanceof Error ? error.message : String(error);
      this.restoreFailed = true;
      return;
    }
    const saved = stored as Partial<StoredWorkbook> | undefined;
    if (!saved || !isSnapshot(saved.snapshot)) return;
    try {
      this.replace(MemoryHost.fromSnapshot(saved.snapshot), saved.fileName ?? null, saved.unsaved === true);
      this.storedRevision = this.revision;
    } catch (error) {
      // The stored workbook stays in storage until the next change replaces it.
      // The frame words it in its language (FileBar): here only the detail.
      this.storeError = error instanceof Error ? error.message : String(error);
      this.restoreFailed = true;
    }
  }

  private attach(host: MemoryHost): void {
    this.unsubscribeHost();
    this.host = host;
    this.unsubscribeHost = host.onChange((event) => this.changed(event));
  }

  private replace(host: MemoryHost, fileName: string | null, unsaved: boolean): void {
    this.attach(host);
    this.fileName = fileName;
    this.generation++;
    this.changed({ sheets: [], source: "addin" }, unsaved);
  }

  private changed(event: ChangeEvent, unsaved = true): void {
    this.revision++;
    this.unsaved = unsaved;
    this.schedulePersist();
    for (const listener of this.changeListeners) listener(event);
    this.emitStatus();
  }

  private schedulePersist(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const now = Date.now();
    this.pendingSince ??= now;
    const delay = Math.min(this.persistDelayMs, Math.max(0, this.pendingSince + PERSIST_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private emitStatus(): void {
    const status = this.status();
    for (const listener of this.statusListeners) listener(status);
  }
}
