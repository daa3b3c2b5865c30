/**
 * Ribbon commands. The only button (GenAI.OpenPane in manifest.xml) is a ShowTaskpane action, which
 * Office handles itself, so no handler is registered yet. An ExecuteFunction button would register
 * its handler here with Office.actions.associate("<action id>", handler), as Microsoft's templates do.
 */

// Office.js expects every page that loads it to call Office.onReady. Outside Office (a plain
// browser, the preview) the CDN script may be missing: then there is nothing to wait for.
if (typeof Office !== "undefined") {
  void Office.onReady();
}
