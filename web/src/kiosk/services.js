// Today's and next Tuesday's service sessions with their free turns, refreshed every 30 seconds.
import { html, useEffect, useState } from "../shared/html.js";
import { locale, t } from "../shared/i18n.js";
import { showClock, showDate } from "../shared/time.js";
import { Empty, ErrorState, Loading } from "../shared/ui.js";
import { kioskApi } from "./device.js";

export const REFRESH_MS = 30 * 1000;

/** `load()` now and every `every` ms: {data, error, at} (the last data stays when a refresh fails). */
export function usePolled(load, every) {
  const [state, setState] = useState({ data: null, error: null, at: null });
  useEffect(() => {
    let live = true;
    const tick = () => load().then((data) => live && setState({ data, error: null, at: new Date().toISOString() }),
      (error) => live && setState((s) => ({ ...s, error })));
    tick();
    const timer = setInterval(tick, every);
    return () => { live = false; clearInterval(timer); };
  }, []);
  return state;
}

function dayTitle(day) {
  return showDate(`${day}T12:00:00+08:00`);
}

function Session({ item }) {
  const name = locale() === "en" && item.name_en ? item.name_en : item.name;
  const hours = item.windows.map((w) => `${showClock(w.starts_at)}–${showClock(w.ends_at)}`).join(", ");
  return html`<li class="kiosk-session">
    <h3>${name}</h3>
    <p>${t("kiosk.services.hours", { hours })}</p>
    ${item.free.length === 0 ? html`<p class="kiosk-full">${t("kiosk.services.full")}</p>` : html`
      <p class="visually-hidden">${t("kiosk.services.freeCount", { n: item.free.length })}</p>
      <ul class="kiosk-turns" aria-label=${t("kiosk.services.turns", { name })}>
        ${item.free.map((turn) => html`<li>${showClock(turn.starts_at)}</li>`)}</ul>`}
  </li>`;
}

export function Services() {
  const state = usePolled(() => kioskApi("/kiosk/services"), REFRESH_MS);
  if (!state.data && state.error) return html`<${ErrorState} error=${state.error} />`;
  if (!state.data) return html`<${Loading} />`;
  return html`<section aria-labelledby="services-title" class="kiosk-panel">
    <h2 id="services-title">${t("kiosk.services.title")}</h2>
    <p class="kiosk-updated" role="status">${t("kiosk.updated", { time: showClock(state.at) })}
      ${state.error && html` · ${t("kiosk.stale")}`}</p>
    ${state.data.days.map((day) => {
      const items = state.data.items.filter((i) => i.day === day);
      return html`<section class="kiosk-day" aria-label=${dayTitle(day)}>
        <h3 class="kiosk-day-title">${dayTitle(day)}</h3>
        ${items.length ? html`<ul class="kiosk-sessions">${items.map((item) => html`<${Session} item=${item} />`)}</ul>`
          : html`<${Empty} text=${t("kiosk.services.none")} />`}
      </section>`;
    })}
  </section>`;
}
