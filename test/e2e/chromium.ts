/**
 * Debian's chromium as the end-to-end tests and the preview benchmark launch it. Without the
 * background-networking flags Chromium keeps trying to reach Google's hosts, which a machine
 * without internet refuses, many at a time.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
