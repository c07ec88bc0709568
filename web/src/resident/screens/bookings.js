// My bookings and loans: status, check-in code, cancel, return, and my calendar subscription.
import { api } from "../../shared/api.js";
import { html } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { showClock, showTime } from "../../shared/time.js";
import { Empty, Loaded, useLoad, useSubmit } from "../../shared/ui.js";
import { items, loadMe } from "../data.js";

const ACTIVE = ["requested", "confirmed", "checked_in", "offered"];

function Actions({ booking, reload }) {
  const [state, run] = useSubmit();
  const act = (action) => run(() => api(`/bookings/${booking.id}/${action}`, { method: "POST", body: {} })).then(reload);
  const loan = booking.resource_kind === "equipment" && booking.status === "checked_in";
  return html`<div class="row">
    ${loan && html`<button type="button" onClick=${() => act("return")} disabled=${state.busy}>${t("bookings.return")}</button>`}
    ${["requested", "confirmed"].includes(booking.status) && html`<button type="button" onClick=${() => act("cancel")}
      disabled=${state.busy}>${t("bookings.cancel")}</button>`}
    ${state.error && html`<p class="state error" role="alert">${state.error.message}</p>`}
  </div>`;
}

function Calendar() {
  const link = useLoad(() => api("/me/calendar"));
  return html`<section class="card" aria-labelledby="cal-title"><h2 id="cal-title">${t("bookings.calendar")}</h2>
    <p class="hint">${t("bookings.calendarHint")}</p>
    <${Loaded} state=${link}>${(data) => html`<p><a href=${data.url.replace(/^https?:/, "webcal:")}>${t("bookings.subscribe")}</a></p>
      <label for="cal-url">${t("bookings.address")}</label>
      <input id="cal-url" class="wide" readonly value=${data.url} onFocus=${(e) => e.target.select()} />`}<//></section>`;
}

export function Bookings() {
  const list = useLoad(async () => {
    const me = await loadMe();
    return items(await api(`/communities/${me.home.community_id}/bookings?sort=-starts_at`));
  });
  return html`<h1>${t("bookings.title")}</h1>
    <${Loaded} state=${list}>${(all) => (all.length ? html`<ul class="list">${all.map((b) => html`<li>
      <strong>${b.resource_name}</strong> <span class="badge">${t(`booking.${b.status}`)}</span>
      <p>${showTime(b.starts_at)} – ${showClock(b.ends_at)}</p>
      ${b.check_in_code && ACTIVE.includes(b.status) && html`<p>${t("space.code")} <strong class="code">${b.check_in_code}</strong></p>`}
      <${Actions} booking=${b} reload=${list.reload} /></li>`)}</ul>` : html`<${Empty} text=${t("bookings.none")} />`)}<//>
    <${Calendar} />`;
}
