/**
 * manifest.xml invariants. Microsoft's validator is a web service (unreachable offline), so these
 * tests pin what makes the add-in load in Excel: a shared runtime that only starts when its resid
 * is consistent, https everywhere, resources that resolve, the schema's element order, and icons
 * of the declared sizes. Sources: learn.microsoft.com/office/dev/add-ins (configure a shared
 * runtime; manifest element reference).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { metadataFileFor } from "../scripts/localize-functions-metadata";
import { pseudoLocalize } from "../scripts/pseudo-locale";
import { ALL_LOCALES, BUNDLES } from "../src/i18n/bundles";
import { pngSize } from "./helpers/png";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown>;

/** fast-xml-parser's preserveOrder output as a plain element tree (comments dropped). */
function toElements(nodes: OrderedNode[]): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ":@");
    if (!name || name === "#text" || name.startsWith("?")) continue;
    const childNodes = node[name] as OrderedNode[];
    elements.push({
      name,
      attributes: (node[":@"] ?? {}) as Record<string, string>,
      children: toElements(childNodes),
      text: childNodes.map((child) => (typeof child["#text"] === "string" ? child["#text"] : "")).join(""),
    });
  }
  return elements;
}

function parseManifest(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const [root] = toElements(parser.parse(xml) as OrderedNode[]);
  return root;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/** The only child named `name`; fails if there is none or several. */
function child(element: XmlElement, name: string): XmlElement {
  const matches = element.children.filter((c) => c.name === name);
  if (matches.length !== 1) {
    throw new Error(`<${element.name}> has ${matches.length} <${name}> children, expected 1`);
  }
  return matches[0];
}

/** Follows a path of child names, e.g. at(app, "VersionOverrides", "Hosts", "Host"). */
function at(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, element);
}

function ofType(elements: XmlElement[], type: string): XmlElement {
  const matches = elements.filter((e) => e.attributes["xsi:type"] === type);
  if (matches.length !== 1)
    throw new Error(`expected one element of xsi:type ${type}, got ${matches.length}`);
  return matches[0];
}

/** Asserts that the named children appear in `order` and that no other child appears. */
function expectOrder(element: XmlElement, order: string[]): void {
  const names = element.children.map((c) => c.name);
  expect(names.filter((name) => !order.includes(name))).toEqual([]);
  const positions = names.map((name) => order.indexOf(name));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

const app = parseManifest(MANIFEST_XML);
const versionOverrides = child(app, "VersionOverrides");
const host = at(versionOverrides, "Hosts", "Host");
const resources = child(versionOverrides, "Resources");
const customFunctions = ofType(child(host, "AllFormFactors").children, "CustomFunctions");
const desktop = child(host, "DesktopFormFactor");

/** Every resource defined under <Resources>, by id: bt:Image, bt:Url and bt:String elements. */
const resourcesById = new Map<string, XmlElement>(
  resources.children.flatMap((group) =>
    group.children.map((r): [string, XmlElement] => [r.attributes.id, r]),
  ),
);

function resource(resid: string): XmlElement {
  const found = resourcesById.get(resid);
  if (!found) throw new Error(`resid "${resid}" is not defined in <Resources>`);
  return found;
}

function residOf(element: XmlElement): string {
  return element.attributes.resid;
}

/** The file in this repository that a manifest URL serves (the build copies assets/ as is). */
function localFileFor(url: string): string {
  return path.join(ROOT, new URL(url).pathname);
}

function versionAtLeast(version: string, minimum: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [minMajor, minMinor] = minimum.split(".").map(Number);
  return major > minMajor || (major === minMajor && minor >= minMinor);
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(MANIFEST_XML)).toBe(true);
  });

  it("declares a task pane add-in with a GUID Id and a four-part version", () => {
    expect(app.name).toBe("OfficeApp");
    expect(app.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(child(app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("keeps the top-level elements in the order the schema requires", () => {
    expectOrder(app, [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"]) {
      child(app, required);
    }
  });

  it("keeps the VersionOverrides elements in schema order (Runtimes first in the host)", () => {
    expectOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expect(host.children[0].name).toBe("Runtimes");
    expectOrder(customFunctions, ["Script", "Page", "Metadata", "Namespace"]);
    expectOrder(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectOrder(resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
  });

  it("runs only in Excel (Workbook) with read/write access to the document", () => {
    expect(at(app, "Hosts").children.map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    expect(host.attributes["xsi:type"]).toBe("Workbook");
    expect(child(app, "Permissions").text).toBe("ReadWriteDocument");
  });

  it("serves every URL over https", () => {
    const urls = descendants(app)
      .flatMap((e) => [
        // xmlns values are namespace names, not URLs anything is fetched from.
        ...Object.entries(e.attributes)
          .filter(([name]) => !name.startsWith("xmlns"))
          .map(([, value]) => value),
        e.text.trim(),
      ])
      .filter((value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value));
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  it("uses one runtime resid for Runtime, the functions Page, FunctionFile and the task pane", () => {
    const runtimes = child(host, "Runtimes").children;
    expect(runtimes).toHaveLength(1);
    const runtimeResid = residOf(runtimes[0]);
    expect(residOf(at(customFunctions, "Page", "SourceLocation"))).toBe(runtimeResid);
    expect(residOf(child(desktop, "FunctionFile"))).toBe(runtimeResid);
    const showTaskpane = descendants(desktop).filter((e) => e.attributes["xsi:type"] === "ShowTaskpane");
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const action of showTaskpane) expect(residOf(child(action, "SourceLocation"))).toBe(runtimeResid);
    expect(resource(runtimeResid).attributes.DefaultValue).toBe(
      at(app, "DefaultSettings", "SourceLocation").attributes.DefaultValue,
    );
  });

  it("keeps the shared runtime alive with lifetime long", () => {
    expect(child(host, "Runtimes").children[0].attributes.lifetime).toBe("long");
  });

  it("opens the pane from a ribbon button without a TaskpaneId (one pane per shared runtime)", () => {
    const buttons = descendants(desktop).filter(
      (e) => e.name === "Control" && e.attributes["xsi:type"] === "Button",
    );
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0], "Action");
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(action.children.map((c) => c.name)).not.toContain("TaskpaneId");
  });

  it("requires SharedRuntime 1.1 and ExcelApi 1.9 or later", () => {
    const sets = at(app, "Requirements", "Sets");
    const defaultMin = sets.attributes.DefaultMinVersion;
    const version = (name: string): string | undefined => {
      const set = sets.children.find((s) => s.attributes.Name === name);
      return set ? (set.attributes.MinVersion ?? defaultMin) : undefined;
    };
    expect(version("SharedRuntime")).toBe("1.1");
    const excelApi = version("ExcelApi");
    expect(excelApi).toBeDefined();
    expect(versionAtLeast(excelApi ?? "0.0", "1.9")).toBe(true);
  });

  it("names the custom-function namespace GENAI in every locale", () => {
    const namespace = resource(residOf(child(customFunctions, "Namespace")));
    expect(namespace.name).toBe("bt:String");
    expect(namespace.attributes.DefaultValue).toBe("GENAI");
    expect(namespace.children).toEqual([]);
  });

  it("loads the functions script from functions.js", () => {
    const script = resource(residOf(at(customFunctions, "Script", "SourceLocation")));
    expect(new URL(script.attributes.DefaultValue).pathname).toBe("/functions.js");
  });

  it("points the metadata at functions.json with one override per language folder to its functions-<tag>.json", () => {
    const metadata = resource(residOf(at(customFunctions, "Metadata", "SourceLocation")));
    expect(new URL(metadata.attributes.DefaultValue).pathname).toBe("/functions.json");
    const overrides = metadata.children.filter((c) => c.name === "bt:Override");
    const listed = overrides.map((o) => [
      o.attributes.Locale.toLowerCase(),
      new URL(o.attributes.Value).pathname,
    ]);
    const languages = ALL_LOCALES.filter((l) => l !== "en");
    expect(languages).toEqual(expect.arrayContaining(["zh-TW", "qps-ploc"]));
    expect(listed).toEqual(languages.map((l) => [l.toLowerCase(), `/${metadataFileFor(l)}`]));
  });

  it("defines every resid it references, and references every resource it defines", () => {
    const referenced = new Set(descendants(versionOverrides).map(residOf).filter(Boolean));
    expect([...referenced].filter((resid) => !resourcesById.has(resid))).toEqual([]);
    expect([...resourcesById.keys()].filter((id) => !referenced.has(id))).toEqual([]);
  });

  it("keeps every resource id and resid within 32 characters", () => {
    const ids = descendants(versionOverrides)
      .flatMap((e) => [e.attributes.id, e.attributes.resid])
      .filter((id): id is string => typeof id === "string");
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => id.length > 32)).toEqual([]);
  });

  describe.each(ALL_LOCALES.filter((l) => l !== "en"))("in %s", (locale) => {
    const namespaceResid = residOf(child(customFunctions, "Namespace"));
    const visible = (): XmlElement[] => [
      child(app, "DisplayName"),
      child(app, "Description"),
      ...child(resources, "bt:ShortStrings").children.filter((s) => s.attributes.id !== namespaceResid),
      ...child(resources, "bt:LongStrings").children,
    ];
    const override = (e: XmlElement): string | undefined =>
      e.children.find((o) => o.name.endsWith("Override") && o.attributes.Locale === locale)?.attributes.Value;

    it("translates every user-visible string (except the namespace)", () => {
      expect(
        visible()
          .filter((e) => !override(e))
          .map((e) => e.attributes.id ?? e.name),
      ).toEqual([]);
    });

    if (BUNDLES[locale].meta.pseudo) {
      it("pseudo-localises each string from its English default, as the pane's bundle is", () => {
        for (const e of visible()) expect(override(e)).toBe(pseudoLocalize(e.attributes.DefaultValue));
      });
    }
  });

  it("keeps strings within Office's length limits (125 short, 250 long)", () => {
    const texts = (e: XmlElement): string[] => [
      e.attributes.DefaultValue,
      ...e.children.map((o) => o.attributes.Value),
    ];
    const tooLong = (elements: XmlElement[], limit: number): string[] =>
      elements.flatMap(texts).filter((text) => [...text].length > limit);
    expect(
      tooLong([child(app, "DisplayName"), ...child(resources, "bt:ShortStrings").children], 125),
    ).toEqual([]);
    expect(tooLong([child(app, "Description"), ...child(resources, "bt:LongStrings").children], 250)).toEqual(
      [],
    );
  });

  it("references icons that exist in assets/ with the declared pixel sizes", () => {
    const expected: [string, number][] = [
      [child(app, "IconUrl").attributes.DefaultValue, 32],
      [child(app, "HighResolutionIconUrl").attributes.DefaultValue, 64],
      ...descendants(desktop)
        .filter((e) => e.name === "bt:Image")
        .map((e): [string, number] => [
          resource(residOf(e)).attributes.DefaultValue,
          Number(e.attributes.size),
        ]),
    ];
    expect(expected.length).toBeGreaterThan(2);
    for (const [url, size] of expected) {
      const file = localFileFor(url);
      expect(path.relative(ROOT, file)).toMatch(/^assets[\\/]/);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });
});
