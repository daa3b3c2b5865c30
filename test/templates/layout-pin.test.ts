/**
 * The layout pin: a rebuild reads the user's inputs by table and workbook name, and the few
 * inputs under neither by position within the same layout version. So a template's layout (its
 * workbook names and where they point, its tables with their columns and input columns, its
 * inputs outside the tables) is recorded per version in test/golden/layouts/<template>.v<N>.json.
 * This test fails when a template's layout changes without a version bump (the record of its
 * version no longer matches), and when a version is bumped without a migration from each older
 * recorded layout (src/host/layout-migrations.ts). After a deliberate bump, write the new record
 * with UPDATE_GOLDEN=1 and keep the old ones: they are what older workbooks hold.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { MIGRATIONS, migrationFor } from "../../src/host/layout-migrations";
import { tableBody } from "../../src/host/plan-rows";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { inputCells } from "../../src/templates/cells";
import { TEMPLATES } from "../../src/templates/index";
import {
  type SheetPlan,
  TEMPLATE_IDS,
  type TemplateId,
  type TemplateOptions,
} from "../../src/templates/plan";
import { planCellAt } from "../../src/host/plan-rows";

const DIR = join(__dirname, "..", "golden", "layouts");

interface Layout {
  readonly names: Record<string, string>;
  readonly tables: Record<string, { range: string; columns: string[]; inputColumns: number[] }>;
  readonly inputs: string[];
}

interface LayoutRecord {
  readonly template: TemplateId;
  readonly version: number;
  readonly variants: Record<string, Layout>;
}

/** What a rebuild relies on in a plan: names, tables with their columns, inputs outside tables. */
function layoutOf(plan: SheetPlan): Layout {
  const tables: Layout["tables"] = {};
  const inTable = plan.tables.map((t) => parseRange(t.range));
  const inputs = inputCells(plan);
  for (const t of plan.tables) {
    const body = tableBody(plan, t.name);
    if (!body) continue;
    const columns: string[] = [];
    for (let c = body.left; c <= body.right; c++) {
      const header = planCellAt(plan, body.top - 1, c);
      columns.push(typeof header === "string" ? header : "");
    }
    const inputColumns = [
      ...new Set(
        inputs.filter((i) => i.row === body.top && i.column >= body.left).map((i) => i.column - body.left),
      ),
    ].sort((a, b) => a - b);
    tables[t.name] = { range: t.range, columns, inputColumns };
  }
  return {
    names: Object.fromEntries(plan.names.map((n) => [n.name, n.range])),
    tables,
    inputs: inputs
      .filter(
        ({ row, column }) =>
          !inTable.some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right),
      )
      .map(({ row, column }) => cellAddress(row, column)),
  };
}

/** The option sets a layout is recorded for: sample and blank, alone and linked to the others. */
function variants(template: TemplateId): Record<string, Layout> {
  const out: Record<string, Layout> = {};
  for (const data of ["sample", "blank"] as const)
    for (const linked of [false, true]) {
      const options: TemplateOptions = {
        data,
        currency: "NT$",
        locale: "en",
        linkedTo: linked ? TEMPLATE_IDS.filter((t) => t !== template) : [],
      };
      out[`${data}, ${linked ? "linked" : "alone"}`] = layoutOf(TEMPLATES[template](options));
    }
  return out;
}

function recordPath(template: TemplateId, version: number): string {
  return join(DIR, `${template}.v${version}.json`);
}

describe("layout pin", () => {
  it.each(TEMPLATE_IDS)("%s: the layout of its current version is the one recorded", (template) => {
    const version = TEMPLATES[template]({
      data: "sample",
      currency: "NT$",
      locale: "en",
      linkedTo: [],
    }).version;
    const path = recordPath(template, version);
    const current: LayoutRecord = { template, version, variants: variants(template) };
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
      if (process.env.UPDATE_GOLDEN !== "1")
        throw new Error(
          `No layout record for ${template} version ${version}: a new layout version needs its record (UPDATE_GOLDEN=1) and a migration from the previous one.`,
        );
      mkdirSync(DIR, { recursive: true });
      writeFileSync(path, `${JSON.stringify(current, null, 2)}\n`);
    }
    const recorded = JSON.parse(readFileSync(path, "utf8")) as LayoutRecord;
    // A difference here is a layout change: bump the template's version and add a migration.
    expect(current).toEqual(recorded);
  });

  it("has a migration from every older recorded layout to the current one", () => {
    const missing: string[] = [];
    for (const file of readdirSync(DIR)) {
      const m = /^([a-z]+)\.v(\d+)\.json$/.exec(file);
      if (!m) continue;
      const template = m[1] as TemplateId;
      const from = Number(m[2]);
      const to = TEMPLATES[template]({ data: "sample", currency: "NT$", locale: "en", linkedTo: [] }).version;
      if (from < to && !migrationFor(template, from, to)) missing.push(`${template} ${from} -> ${to}`);
      if (from > to) missing.push(`${template} has a record of version ${from}, newer than its ${to}`);
    }
    expect(missing).toEqual([]);
  });

  it("reads an older layout's table rows by position only where its columns land in the current one", () => {
    // A migration that reads the tables as the current layout's (no upgrade of its own) keeps each
    // row's cells by position, moved right past the columns it says were inserted: the old
    // layout's header at each kept position must be the current one's at its new position, and
    // every input column of the current tables must come from an input column or an inserted one.
    const problems: string[] = [];
    for (const migration of MIGRATIONS) {
      if (migration.upgrade) continue;
      const path = recordPath(migration.template, migration.from);
      if (!existsSync(path)) continue;
      const old = JSON.parse(readFileSync(path, "utf8")) as LayoutRecord;
      const target = recordPath(migration.template, migration.to);
      if (!existsSync(target)) continue;
      const now = (JSON.parse(readFileSync(target, "utf8")) as LayoutRecord).variants;
      const inserted = migration.insertedColumns;
      for (const [variant, layout] of Object.entries(old.variants))
        for (const [table, before] of Object.entries(layout.tables)) {
          const after = now[variant]?.tables[table];
          if (!after) continue;
          const moves = inserted?.tables.includes(table) ?? false;
          const to = (j: number): number => (moves && inserted && j >= inserted.at ? j + inserted.count : j);
          before.columns.forEach((header, j) => {
            if (after.columns[to(j)] !== header)
              problems.push(
                `${migration.template} ${migration.from} -> ${migration.to}, ${variant}, ${table}: column ${j} "${header}" lands on "${after.columns[to(j)]}"`,
              );
          });
          const fromInput = new Set(before.inputColumns.map(to));
          for (const c of after.inputColumns) {
            const isInserted =
              moves && inserted !== undefined && c >= inserted.at && c < inserted.at + inserted.count;
            if (!fromInput.has(c) && !isInserted)
              problems.push(
                `${migration.template} ${migration.from} -> ${migration.to}, ${variant}, ${table}: input column ${c} is filled from a calculated column`,
              );
          }
        }
    }
    expect(problems).toEqual([]);
  });

  it("reads the ROI's first layout only through names the migration knows", () => {
    const record = JSON.parse(readFileSync(recordPath("roi", 1), "utf8")) as LayoutRecord;
    const migration = migrationFor("roi", 1, 2);
    for (const layout of Object.values(record.variants)) {
      const named = new Set(Object.values(layout.names));
      // Every input of layout 1 is under a name, and the migration reads each of those names.
      expect(layout.inputs.filter((a) => !named.has(a))).toEqual([]);
      const inputNames = Object.entries(layout.names)
        .filter(([, range]) => layout.inputs.includes(range))
        .map(([name]) => name);
      expect(inputNames.filter((n) => !migration?.reads.includes(n))).toEqual([]);
    }
  });
});
