/**
 * The pane and preview tests wait for what React renders after the workbook answers. Testing
 * Library gives up after 1 s by default: on a loaded two-core CI machine a first render of a
 * built sheet in jsdom takes longer, and a wait that gives up early fails a test that is right.
 * A wait still fails when the text never comes; the limit only allows for a slow machine.
 */
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 10_000 });
