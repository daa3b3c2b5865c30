/**
 * @jest-environment jsdom
 */
import { MemoryHost } from "../../src/host/memory";
import { readXlsx } from "../export/export-support";
import { downloadWorkbook, XLSX_MIME } from "../../src/taskpane/deliver";
import { planModel } from "../../src/templates/index";
import {
  builtHost,
  fireEvent,
  panelOf,
  renderPane,
  SAMPLE,
  screen,
  setName,
  SETTLE,
  within,
} from "./pane-support";
import { roiTemplate } from "../../src/templates/roi";
import { DEFAULT_OPTIONS } from "../../src/templates/plan";

/** Where the ROI sheet's AgentsAfter input sits (by name: the layout may move). */
const AGENTS_AFTER = (
  roiTemplate(DEFAULT_OPTIONS).names.find((n) => n.name === "AgentsAfter")?.range ?? ""
).replace(/\$/g, "");

const build = () => within(panelOf("build"));
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK"

// Each test builds the complete model and exports it in jsdom: seconds alone, more under CI load.
jest.setTimeout(90_000);

describe("Make a shareable copy", () => {
  it("delivers the model as .xlsx bytes with a dated file name", async () => {
    const host = await builtHost();
    const deliver = jest.fn((_bytes: Uint8Array, _file: string) => Promise.resolve());
    renderPane(host, { deliverWorkbook: deliver });
    fireEvent.click(build().getByRole("button", { name: "Make a shareable copy" }));
    expect(
      await build().findByText(
        "The shareable copy genai-business-case-2025-03-01.xlsx is ready.",
        undefined,
        SETTLE,
      ),
    ).toBeTruthy();
    expect(deliver).toHaveBeenCalledTimes(1);
    const [bytes, file] = deliver.mock.calls[0];
    expect(file).toBe("genai-business-case-2025-03-01.xlsx");
    expect(isZip(bytes)).toBe(true);
  });

  it("copies the sheet the model's names point to, not a copy kept beside it (keep both)", async () => {
    const host = await builtHost();
    await host.applyPlans(planModel(["roi"], SAMPLE, ["portfolio", "rollout", "stress"]), {
      dialect: "live",
      policies: { ROI: "keepBoth" },
    });
    await setName(host, "AgentsAfter", 40); // lands on "ROI", where the names stay
    const deliver = jest.fn((_bytes: Uint8Array, _file: string) => Promise.resolve());
    renderPane(host, { deliverWorkbook: deliver });
    fireEvent.click(build().getByRole("button", { name: "Make a shareable copy" }));
    expect(await build().findByText(/^The shareable copy .* is ready\.$/, undefined, SETTLE)).toBeTruthy();
    const copy = await readXlsx(deliver.mock.calls[0][0]);
    // The visible sheets (the simulation's trials last); the hidden GenAI_Model sheet marks the
    // file as the model.
    expect(copy.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "Portfolio",
      "Rollout",
      "ROI",
      "Stress",
      "Trials",
    ]);
    expect(copy.getWorksheet("ROI")!.getCell(AGENTS_AFTER).value).toBe(40);
  });

  it("asks for a model first when the workbook has no template sheet", async () => {
    const deliver = jest.fn(() => Promise.resolve());
    renderPane(new MemoryHost(), { deliverWorkbook: deliver });
    fireEvent.click(build().getByRole("button", { name: "Make a shareable copy" }));
    expect(
      await build().findByText(
        "Build the model first: there are no template sheets to copy.",
        undefined,
        SETTLE,
      ),
    ).toBeTruthy();
    expect(deliver).not.toHaveBeenCalled();
  });

  it("says what went wrong when the copy cannot be delivered", async () => {
    const host = await builtHost();
    renderPane(host, { deliverWorkbook: () => Promise.reject(new Error("disk full")) });
    fireEvent.click(build().getByRole("button", { name: "Make a shareable copy" }));
    expect(await screen.findByText("The copy could not be made", undefined, SETTLE)).toBeTruthy();
    expect(screen.getByText("Details: disk full")).toBeTruthy();
  });
});

describe("downloadWorkbook (outside Excel)", () => {
  it("downloads the bytes through an object URL on an <a download>", async () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return "blob:copy";
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    await downloadWorkbook(new Uint8Array([0x50, 0x4b, 3, 4]), "model.xlsx");
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe("model.xlsx");
    expect(clicked[0].href).toBe("blob:copy");
    expect(created[0].type).toBe(XLSX_MIME);
    expect(created[0].size).toBe(4);
    expect(document.querySelector("a[download]")).toBeNull();
    click.mockRestore();
  });
});
