// Interface language: zh-CN by default, English switchable; every string comes from a catalog.
import { shared } from "./messages.js";

export const LOCALES = ["zh-CN", "en"];
const KEY = "linli.locale";
const catalogs = { "zh-CN": { ...shared["zh-CN"] }, en: { ...shared.en } };
const listeners = new Set();

export function locale() {
  const saved = localStorage.getItem(KEY);
  return LOCALES.includes(saved) ? saved : "zh-CN";
}

export function setLocale(next) {
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener(next));
}

/** Add an app's own strings; both languages must name the same keys. */
export function addMessages(messages) {
  for (const code of LOCALES) Object.assign(catalogs[code], messages[code]);
}

/** The string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key, vars = {}) {
  const text = catalogs[locale()][key] ?? catalogs["zh-CN"][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

export function onLocaleChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Keys present in one language and missing in the other (tested in the browser suite). */
export function missingKeys() {
  const [zh, en] = [catalogs["zh-CN"], catalogs.en];
  return [...Object.keys(zh).filter((k) => !(k in en)), ...Object.keys(en).filter((k) => !(k in zh))];
}

document.documentElement.lang = locale();
