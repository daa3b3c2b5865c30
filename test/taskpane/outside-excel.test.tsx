/**
 * @jest-environment jsdom
 *
 * The page opened outside Excel says why the pane cannot work there in every language offered,
 * each paragraph from its bundle and marked with its language, the command kept as code.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { bundleFor } from "../../src/i18n/bundles";
import { LOCALES } from "../../src/i18n/locale";
import { OutsideExcel } from "../../src/taskpane/components/OutsideExcel";

describe("OutsideExcel", () => {
  it("gives the notice in every offered language, from the bundles, with the command as code", () => {
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <OutsideExcel />
      </FluentProvider>,
    );
    const paragraphs = [...container.querySelectorAll("main p")];
    expect(paragraphs.map((p) => p.getAttribute("lang"))).toEqual(LOCALES.map((l) => bundleFor(l).meta.tag));
    paragraphs.forEach((p, i) => {
      const text = bundleFor(LOCALES[i]).pane.outsideExcel.replace("{command}", "npm start");
      expect(p.textContent).toBe(text);
      expect(p.querySelector("code")?.textContent).toBe("npm start");
    });
    expect(screen.getByRole("heading").textContent).toBe(bundleFor("en").pane.appTitle);
  });
});
