/**
 * @jest-environment jsdom
 */
import { invalid } from "../../src/engine/problem";
import { setMessageLocale, toExcelError } from "../../src/functions/boundary";
import { MemoryHost } from "../../src/host/memory";
import { fireEvent, openTab, panelOf, renderPane, screen, SETTLE, waitFor, within } from "./pane-support";
import { sheetView } from "../../src/preview/sheet-view";

/** The tabs' accessible names (Fluent repeats a tab's text in a hidden span that reserves its bold width). */
const tabs = () =>
  screen
    .getAllByRole("tab")
    .map((t) => t.querySelector(".fui-Tab__content:not(.fui-Tab__content--reserved-space)")?.textContent);

describe("Pane language", () => {
  afterEach(() => setMessageLocale(undefined));

  it("switches every label to Traditional Chinese with the Language switch, and back", async () => {
    renderPane(new MemoryHost());
    expect(tabs()).toEqual(["Build", "Summary", "What-if", "Simulate"]);
    const language = screen.getByRole("radiogroup", { name: "Language" });
    fireEvent.click(within(language).getByRole("radio", { name: "繁體中文" }));
    expect(tabs()).toEqual(["建立", "摘要", "假設分析", "模擬"]);
    expect(screen.getByRole("radiogroup", { name: "語言" })).toBeTruthy();
    expect(within(panelOf("build")).getByRole("button", { name: "建立完整模型" })).toBeTruthy();
    openTab("假設分析");
    for (const name of ["最差", "基準", "最佳"])
      expect(within(panelOf("whatIf")).getByRole("radio", { name })).toBeTruthy();
    expect(screen.getByRole("tabpanel", { hidden: false }).id).toBe("pane-panel-whatIf");
    await waitFor(
      () => expect(screen.getByTestId("summary-annual-roi").textContent).toMatch(/^請建立 ROI 工作表/),
      SETTLE,
    );
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(tabs()).toEqual(["Build", "Summary", "What-if", "Simulate"]);
  });

  it("opens in Traditional Chinese when Office's display language is zh-TW", () => {
    renderPane(new MemoryHost(), { initialLocale: "zh-TW" });
    expect(tabs()).toEqual(["建立", "摘要", "假設分析", "模擬"]);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("GenAI 商業論證");
  });

  it("builds new sheets and words the functions' error messages in the chosen language", async () => {
    const host = new MemoryHost();
    renderPane(host);
    fireEvent.click(screen.getByRole("radio", { name: "繁體中文" }));
    const message = () => toExcelError(invalid("notNumber", { argument: "costs", got: "x" })).message;
    expect(message()).toBe("costs 必須是數字;收到 x");
    fireEvent.click(within(panelOf("build")).getByRole("button", { name: "建立「ROI」工作表" }));
    expect(await screen.findByText("模型已建立", undefined, SETTLE)).toBeTruthy();
    expect(sheetView(host, "ROI").locale).toBe("zh-TW");
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(message()).toBe("costs must be a number; got x");
  });
});
