import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

// In Office, render once Office.js is ready. Opened in a plain browser (or with the CDN out of
// reach) there is no Office global at all: render straight away instead of failing.
if (typeof Office === "undefined") {
  render();
} else {
  void Office.onReady().then(render);
}
