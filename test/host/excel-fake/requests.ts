/**
 * Requests, as Excel receives them: the operations queued since the last sync, measured as the
 * JSON Office.js would send, rejected whole over the size limit, applied in order until one
 * fails (injected failures included), with load results filled in after. Every request is
 * counted and recorded.
 */
import { FakeRichApiError, OpError } from "./errors";
import { FakeObject } from "./object";

/** Excel on the web rejects a request over 5 MB (docs/excel/performance.md). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** What a failure predicate sees of an operation. */
export interface OpInfo {
  /** 0-based count of operations attempted since the fake was made. */
  readonly ordinal: number;
  /** Office class and member, as Office's errorLocation names them: "Range.formulas". */
  readonly location: string;
  readonly kind: "set" | "call" | "load";
  /** The sheet the operation is on, when it has one. */
  readonly sheet: string | null;
  readonly args: readonly unknown[];
}

export interface QueuedOp {
  readonly target: FakeObject;
  readonly member: string;
  readonly kind: "set" | "call" | "load";
  readonly args: readonly unknown[];
  readonly apply: () => void;
}

export interface SyncRecord {
  readonly bytes: number;
  readonly operations: number;
  readonly rejected: string | null;
  readonly screenUpdatingSuspended: boolean;
  readonly calculationSuspended: boolean;
}

export interface FakeStats {
  syncs: number;
  largestPayloadBytes: number;
  totalPayloadBytes: number;
  readonly requests: SyncRecord[];
}

type RequestRecord = { -readonly [K in keyof SyncRecord]: SyncRecord[K] };

const OBJECT_PATH_TYPE = { property: 4, method: 3, global: 1 } as const;
const ACTION_TYPE = { set: 4, call: 3, load: 2 } as const;

/** Plain arguments as JSON, with fake objects replaced by their object-path ids (as Office sends them). */
function wireArgs(args: readonly unknown[]): unknown[] {
  return args.map((a) => (a instanceof FakeObject ? { _ObjectPathId: a.pathId } : a));
}

/** The request as JSON: its actions with their arguments, and the object paths first used in it. */
function measure(ops: readonly QueuedOp[]): number {
  const paths: Record<string, unknown> = {};
  const addPath = (o: FakeObject | null): void => {
    for (let p = o; p && !(p.pathId in paths) && !p.sent; p = p.parent) {
      paths[p.pathId] = {
        Id: p.pathId,
        ObjectPathType: p.parent ? OBJECT_PATH_TYPE[p.pathKind] : OBJECT_PATH_TYPE.global,
        Name: p.pathName,
        ParentObjectPathId: p.parent?.pathId,
        ArgumentInfo: { Arguments: wireArgs(p.pathArgs) },
      };
    }
  };
  const actions = ops.map((op, i) => {
    addPath(op.target);
    for (const a of op.args) if (a instanceof FakeObject) addPath(a);
    return {
      Id: i + 1,
      ActionType: ACTION_TYPE[op.kind],
      Name: op.member,
      ObjectPathId: op.target.pathId,
      ArgumentInfo: { Arguments: wireArgs(op.args) },
    };
  });
  for (const op of ops) op.target.markSent();
  return Buffer.byteLength(JSON.stringify({ Actions: actions, ObjectPaths: paths }), "utf8");
}

export class RequestRecorder {
  readonly stats: FakeStats = { syncs: 0, largestPayloadBytes: 0, totalPayloadBytes: 0, requests: [] };
  /** Every operation applied, as "Class.member". */
  readonly log: string[] = [];
  /** Flags of the request being applied. */
  screenSuspended = false;
  calculationSuspended = false;
  /** Load results of the request being applied, filled in once all of it has applied. */
  loadResults: (() => void)[] = [];
  private ordinal = 0;
  private failure: { when: (op: OpInfo) => boolean; code: string; message: string } | null = null;
  /** Set once a "connection lost" failure fired: every later request fails before its first operation. */
  private lost: { code: string; message: string } | null = null;
  private loseConnection = false;

  constructor(
    readonly limitBytes: number,
    /** Runs after each request that was applied (whole or in part): Excel then raises its events. */
    private readonly afterRequest: () => void,
  ) {}

  /** Operations attempted so far. */
  get operations(): number {
    return this.ordinal;
  }

  /** Fails the first operation matching `when`, once. */
  failWhen(when: (op: OpInfo) => boolean, code: string, message: string, loseConnection = false): void {
    this.failure = { when, code, message };
    this.loseConnection = loseConnection;
    this.lost = null;
  }

  /** Applies a request: measure, reject if too large, apply in order until a failure, fill loads. */
  async execute(ops: readonly QueuedOp[]): Promise<void> {
    await Promise.resolve();
    const bytes = measure(ops);
    this.stats.syncs++;
    this.stats.totalPayloadBytes += bytes;
    this.stats.largestPayloadBytes = Math.max(this.stats.largestPayloadBytes, bytes);
    const record: RequestRecord = {
      bytes,
      operations: ops.length,
      rejected: null,
      screenUpdatingSuspended: false,
      calculationSuspended: false,
    };
    this.stats.requests.push(record);
    if (this.lost) {
      record.rejected = this.lost.code;
      throw new FakeRichApiError(this.lost.code, this.lost.message);
    }
    if (bytes > this.limitBytes) {
      record.rejected = "RequestPayloadSizeLimitExceeded";
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
      );
    }
    this.screenSuspended = false;
    this.calculationSuspended = false;
    const loaded: (() => void)[] = [];
    this.loadResults = loaded;
    try {
      for (const op of ops) this.apply(op);
    } catch (error) {
      record.rejected = error instanceof FakeRichApiError ? error.code : "Error";
      this.finish(record);
      throw error;
    }
    for (const fill of loaded) fill();
    this.finish(record);
  }

  /** One operation, or the injected failure; Excel names the failing member in errorLocation. */
  private apply(op: QueuedOp): void {
    const location = `${op.target.officeType}.${op.member}`;
    const ordinal = this.ordinal++;
    if (this.failure) {
      const info: OpInfo = { ordinal, location, kind: op.kind, sheet: op.target.sheetName(), args: op.args };
      if (this.failure.when(info)) {
        const { code, message } = this.failure;
        this.failure = null;
        if (this.loseConnection) this.lost = { code, message };
        throw new FakeRichApiError(code, message, location);
      }
    }
    try {
      op.apply();
    } catch (error) {
      if (error instanceof FakeRichApiError) throw error;
      if (error instanceof OpError) throw new FakeRichApiError(error.code, error.message, location);
      throw error;
    }
    this.log.push(location);
  }

  private finish(record: RequestRecord): void {
    record.screenUpdatingSuspended = this.screenSuspended;
    record.calculationSuspended = this.calculationSuspended;
    this.screenSuspended = false;
    this.calculationSuspended = false;
    this.afterRequest();
  }
}
