// The space's bookings by day (Shanghai): approve or decline requests, check people in.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { showClock, showDate } from "../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { itemsOf } from "./names.js";

function byDay(bookings) {
  const days = new Map();
  for (const b of [...bookings].sort((x, y) => x.starts_at.localeCompare(y.starts_at))) {
    const day = showDate(b.starts_at);
    days.set(day, [...(days.get(day) || []), b]);
  }
  return [...days];
}

export function Bookings({ place }) {
  const [status, setStatus] = useState("");
  const bookings = useLoad(() => api(`/communities/${place.community.id}/bookings`), []);
  const shown = (list) => list.filter((b) => !status || b.status === status);
  return html`<h1>${t("staff.bookings.title")}</h1>
    <div class="filters"><${Field} id="booking-status" label=${t("staff.case.status")}>
      <select id="booking-status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        <option value="">${t("staff.all")}</option>
        ${["requested", "confirmed", "checked_in", "declined", "cancelled"].map((s) => html`<option value=${s}>${t(`booking.${s}`)}</option>`)}
      </select><//></div>
    <${Loaded} state=${bookings}>${(data) => {
      const days = byDay(shown(itemsOf(data)));
      if (!days.length) return html`<${Empty} text=${t("staff.bookings.none")} />`;
      return days.map(([day, list]) => html`<section><h2>${day}</h2>
        <ul class="list">${list.map((b) => html`<li><${BookingRow} booking=${b} onChanged=${bookings.reload} /></li>`)}</ul></section>`);
    }}<//>`;
}

function BookingRow({ booking, onChanged }) {
  const [reason, setReason] = useState("");
  const [state, run] = useSubmit();
  const act = (action, body) => async () => {
    if (await run(() => api(`/bookings/${booking.id}/${action}`, { method: "POST", body }))) onChanged();
  };
  const label = `${booking.resource_name} ${booking.title || ""}`.trim();
  return html`<div class="row" role="group" aria-label=${label}>
    <strong>${showClock(booking.starts_at)}–${showClock(booking.ends_at)}</strong>
    <span>${label}</span><span class="badge">${t(`booking.${booking.status}`)}</span>
    ${booking.status === "requested" && html`
      <button type="button" class="primary" onClick=${act("confirm", {})} disabled=${state.busy}>${t("staff.booking.approve")}</button>
      <label class="visually-hidden" for=${`reason-${booking.id}`}>${t("staff.booking.reason")}</label>
      <input id=${`reason-${booking.id}`} placeholder=${t("staff.booking.reason")} value=${reason} onInput=${(e) => setReason(e.target.value)} />
      <button type="button" onClick=${act("decline", { reason })} disabled=${state.busy}>${t("staff.booking.decline")}</button>`}
    ${booking.status === "confirmed" && html`<button type="button" onClick=${act("check-in", {})} disabled=${state.busy}>${t("staff.booking.checkIn")}</button>`}
    <${SubmitStatus} state=${{ ...state, done: false }} />
  </div>`;
}
