/**
 * Shared steps of the preview's jsdom tests: render the preview page over a host, wait for its
 * change events and re-reads to run, and find the grid and its cells.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import "../taskpane/setup-dom";
import { Preview } from "../../src/preview/Preview";
import type { PreviewHost } from "../../src/preview/useWorkbook";

/** Lets the host's change events and the grid's re-read of the sheet run. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const grid = (): HTMLElement => screen.getByTestId("preview-grid");

/** The grid's cell at `address` ("ROI!B7"); throws when the grid does not render it. */
export const cellAt = (address: string): HTMLElement => {
  const found = document.querySelector<HTMLElement>(`[data-address="${address}"]`);
  if (!found) throw new Error(`no cell ${address} in the grid`);
  return found;
};

/** Renders the preview page (a stand-in pane beside the workbook) over `host`, and settles. */
export async function renderPreviewOn(host: PreviewHost): Promise<void> {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <Preview host={host} pane={<p>pane</p>} />
      </FluentProvider>,
    );
    await settle();
  });
}
