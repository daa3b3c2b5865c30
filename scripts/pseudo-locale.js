/**
 * Pseudo-localisation (the "qps-ploc" language Office and Windows use for testing): English with
 * every letter accented and the whole text bracketed, "[Ŕéśûļţś]". Text that comes out of the
 * add-in unbracketed or unaccented was not taken from a language bundle; a text cut short loses
 * its closing bracket. {placeholders} stay as they are so the text is still filled the same way.
 *
 * One transform for the pane's bundle (src/i18n/qps-ploc) and the functions' metadata (the build).
 */
"use strict";

const ACCENTED = {
  a: "á",
  b: "ƀ",
  c: "ç",
  d: "đ",
  e: "é",
  f: "ƒ",
  g: "ĝ",
  h: "ĥ",
  i: "î",
  j: "ĵ",
  k: "ķ",
  l: "ļ",
  m: "ɱ",
  n: "ñ",
  o: "ö",
  p: "þ",
  q: "ǫ",
  r: "ŕ",
  s: "ś",
  t: "ţ",
  u: "û",
  v: "ṽ",
  w: "ŵ",
  x: "ẋ",
  y: "ý",
  z: "ž",
  A: "Á",
  B: "Ɓ",
  C: "Ç",
  D: "Đ",
  E: "É",
  F: "Ƒ",
  G: "Ĝ",
  H: "Ĥ",
  I: "Î",
  J: "Ĵ",
  K: "Ķ",
  L: "Ļ",
  M: "Ṁ",
  N: "Ñ",
  O: "Ö",
  P: "Þ",
  Q: "Ǫ",
  R: "Ŕ",
  S: "Ś",
  T: "Ţ",
  U: "Û",
  V: "Ṽ",
  W: "Ŵ",
  X: "Ẋ",
  Y: "Ý",
  Z: "Ž",
};

/** Fullwidth brackets: plain ones mean something in Excel's structured references. */
const OPEN = "［";
const CLOSE = "］";

/** Accents the letters of `text` outside {placeholders} and brackets the result. */
function pseudoLocalize(text) {
  if (text === "") return text;
  const accented = text
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? part : part.replace(/[A-Za-z]/g, (ch) => ACCENTED[ch])))
    .join("");
  return OPEN + accented + CLOSE;
}

/** True when `text` went through pseudoLocalize. */
function isPseudo(text) {
  return text.startsWith(OPEN) && text.endsWith(CLOSE) && !/[A-Za-z]/.test(text.replace(/\{\w+\}/g, ""));
}

module.exports = { pseudoLocalize, isPseudo, OPEN, CLOSE };
