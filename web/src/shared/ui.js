// Building blocks every screen uses: the page shell, loading/empty/error states, fields, charts.
import { html, render, useCallback, useEffect, useRef, useState } from "./html.js";
import { locale, onLocaleChange, setLocale, t } from "./i18n.js";

const LARGE = "linli.largeText";

/** Re-render when the language changes; returns the current locale. */
export function useLocale() {
  const [code, setCode] = useState(locale());
  useEffect(() => onLocaleChange(setCode), []);
  return code;
}

export function applyTextSize() {
  document.documentElement.classList.toggle("large-text", localStorage.getItem(LARGE) === "1");
}

function Toolbar() {
  const code = useLocale();
  const [large, setLarge] = useState(localStorage.getItem(LARGE) === "1");
  const toggleSize = () => {
    localStorage.setItem(LARGE, large ? "0" : "1");
    setLarge(!large);
    applyTextSize();
  };
  return html`<div class="toolbar">
    <button type="button" class="link" title=${t("lang.switch.label")} lang=${code === "en" ? "zh-CN" : "en"}
      onClick=${() => setLocale(code === "en" ? "zh-CN" : "en")}>${t("lang.switch")}</button>
    <button type="button" class="link" aria-pressed=${large} onClick=${toggleSize}>${t("text.large")}</button>
  </div>`;
}

/** The page: skip link, header with the app's title and nav, the toolbar, one <main>. */
export function Shell({ title, nav = [], active, actions, children }) {
  useLocale();
  return html`<a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>${t("a11y.skip")}</a>
    <header class="top">
      <div class="brand">${title}</div>
      ${nav.length > 0 && html`<nav aria-label=${title}><ul>
        ${nav.map((item) => html`<li><a href=${`#${item.path}`} aria-current=${active === item.path ? "page" : undefined}>${item.label}</a></li>`)}
      </ul></nav>`}
      <${Toolbar} />
      ${actions}
    </header>
    <main id="main" tabindex="-1">${children}</main>`;
}

export function Loading({ label }) {
  return html`<div class="state" role="status" aria-live="polite">
    <div class="progress" aria-hidden="true"><span></span></div>${label || t("state.loading")}</div>`;
}

export function Empty({ text }) {
  return html`<p class="state empty">${text || t("state.empty")}</p>`;
}

export function ErrorState({ error, retry }) {
  return html`<div class="state error" role="alert">
    <strong>${t("state.error")}</strong> <span>${error?.message || String(error)}</span>
    ${retry && html` <button type="button" onClick=${retry}>${t("state.retry")}</button>`}
  </div>`;
}

/** Load data with `fn()` whenever `deps` change: {data, error, loading, reload}. */
export function useLoad(fn, deps = []) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const latest = useRef(0); // only the newest load may answer: a slower, older one (filters changed) is dropped
  const load = useCallback(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    fn().then((data) => ticket === latest.current && setState({ data, error: null, loading: false }),
      (error) => ticket === latest.current && setState({ data: null, error, loading: false }));
  }, deps);
  useEffect(load, [load]);
  return { ...state, reload: load };
}

/** Show loading, error or the rendered data. */
export function Loaded({ state, children }) {
  if (state.loading && !state.data) return html`<${Loading} />`;
  if (state.error) return html`<${ErrorState} error=${state.error} retry=${state.reload} />`;
  return children(state.data);
}

export function Field({ id, label, error, hint, children }) {
  return html`<div class=${`field${error ? " invalid" : ""}`}>
    <label for=${id}>${label}</label>${children}
    ${hint && html`<small id=${`${id}-hint`}>${hint}</small>`}
    ${error && html`<small class="field-error" id=${`${id}-error`} role="alert">${error}</small>`}
  </div>`;
}

/** A form's submit state: run(fn) shows progress, keeps the error, returns fn's result. */
export function useSubmit() {
  const [state, setState] = useState({ busy: false, error: null, done: false });
  const run = async (fn) => {
    setState({ busy: true, error: null, done: false });
    try {
      const result = await fn();
      setState({ busy: false, error: null, done: true });
      return result;
    } catch (error) {
      setState({ busy: false, error, done: false });
      return undefined;
    }
  };
  return [state, run];
}

export function SubmitStatus({ state }) {
  if (state.busy) return html`<${Loading} label=${t("state.saving")} />`;
  if (state.error) return html`<${ErrorState} error=${state.error} />`;
  if (state.done) return html`<p class="state ok" role="status">${t("state.saved")}</p>`;
  return null;
}

/** A horizontal bar chart in SVG with a data table for screen readers. */
export function BarChart({ title, rows, format = (v) => v, max }) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value ?? 0));
  const height = rows.length * 28 + 8;
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg viewBox=${`0 0 400 ${height}`} role="img" aria-label=${title}>
      ${rows.map((row, i) => html`<g transform=${`translate(0 ${i * 28 + 4})`}>
        <text x="0" y="16" class="chart-label">${row.label}</text>
        <rect x="140" y="2" height="20" width=${Math.max(0, ((row.value ?? 0) / top) * 200)} class="chart-bar" />
        <text x=${146 + Math.max(0, ((row.value ?? 0) / top) * 200)} y="16">${row.value == null ? "—" : format(row.value)}</text>
      </g>`)}
    </svg>
    <table class="visually-hidden"><caption>${title}</caption>
      <tbody>${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td>${row.value == null ? "—" : format(row.value)}</td></tr>`)}</tbody>
    </table>
  </figure>`;
}

export function percent(value) {
  return value == null ? "—" : `${Math.round(value * 1000) / 10}%`;
}

export function boot(App, root = document.getElementById("app")) {
  applyTextSize();
  // Every screen re-renders in the new language when it is switched; state is kept.
  const Root = () => { useLocale(); return html`<${App} />`; };
  render(html`<${Root} />`, root);
}
