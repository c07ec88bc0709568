// The 37° space: its resources, and booking one (rooms, equipment loans, Tuesday turns, the printer queue).
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { fromShanghaiInput, showClock, showDate, showTime } from "../../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useLocale, useSubmit } from "../../shared/ui.js";
import { cachedGet, items, loadMe, named } from "../data.js";
import { fieldError, formError } from "../forms.js";
import { nextQuarter, openTurns, takenSpans } from "./slots.js";

const KINDS = ["room", "equipment", "service", "printer"];

export function Space() {
  const code = useLocale();
  const list = useLoad(async () => {
    const me = await loadMe();
    return items(await cachedGet(`/communities/${me.home.community_id}/resources`));
  });
  return html`<h1>${t("space.title")}</h1><p class="hint">${t("space.intro")}</p>
    <${Loaded} state=${list}>${(resources) => KINDS.map((kind) => {
      const mine = resources.filter((r) => r.kind === kind);
      return mine.length > 0 && html`<section aria-labelledby=${`kind-${kind}`}><h2 id=${`kind-${kind}`}>${t(`space.kind.${kind}`)}</h2>
        <ul class="list">${mine.map((r) => html`<li><a href=${`#/space/${r.id}`}>${named(r, code)}</a>
          ${r.rules?.approval && html` <span class="badge">${t("space.needsApproval")}</span>`}</li>`)}</ul></section>`;
    })}<//>`;
}

function Booked({ booking }) {
  return html`<div class="card" role="status" aria-live="polite">
    <p><strong>${booking.status === "requested" ? t("space.pending") : t("space.confirmed")}</strong></p>
    <p>${showTime(booking.starts_at)} – ${showClock(booking.ends_at)}</p>
    ${booking.check_in_code && html`<p>${t("space.code")} <strong class="code">${booking.check_in_code}</strong></p>`}
    <p><a href="#/bookings">${t("nav.bookings")}</a></p></div>`;
}

function TimeForm({ resource, me, onBooked }) {
  const [form, setForm] = useState({ starts: "", ends: "", quantity: "1", title: "" });
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (event) => {
    event.preventDefault();
    const body = { community_id: me.home.community_id, resource_id: resource.id, starts_at: fromShanghaiInput(form.starts),
      ends_at: fromShanghaiInput(form.ends), quantity: Number(form.quantity) || 1, title: form.title.trim() || null };
    const booking = await run(() => api("/bookings", { method: "POST", body }));
    if (booking) onBooked(booking);
  };
  const err = (p) => fieldError(state.error, p);
  return html`<form class="card" onSubmit=${submit} aria-labelledby="book-title">
    <h2 id="book-title">${resource.kind === "equipment" ? t("space.borrow") : t("space.book")}</h2>
    <${Field} id="book-start" label=${t("space.starts")} hint=${t("space.quarterHint")} error=${err("starts_at")}>
      <input id="book-start" type="datetime-local" step="900" required value=${form.starts} onInput=${set("starts")} /><//>
    <${Field} id="book-end" label=${t("space.ends")} error=${err("ends_at")}>
      <input id="book-end" type="datetime-local" step="900" required value=${form.ends} onInput=${set("ends")} /><//>
    ${resource.kind === "equipment" && html`<${Field} id="book-qty" label=${t("space.quantity")} error=${err("quantity")}>
      <input id="book-qty" type="number" min="1" value=${form.quantity} onInput=${set("quantity")} /><//>`}
    ${resource.kind === "room" && html`<${Field} id="book-purpose" label=${t("space.purpose")} error=${err("title")}>
      <input id="book-purpose" maxlength="80" value=${form.title} onInput=${set("title")} /><//>`}
    <button type="submit" class="primary" disabled=${state.busy}>${resource.kind === "equipment" ? t("space.borrow") : t("space.book")}</button>
    ${state.busy && html`<${SubmitStatus} state=${state} />`}
    ${formError(state.error, ["starts_at", "ends_at", "quantity", "title"]) && html`<p class="state error" role="alert">${formError(state.error, ["starts_at", "ends_at", "quantity", "title"])}</p>`}
  </form>`;
}

function Turns({ resource, me, onBooked }) {
  const [state, run] = useSubmit();
  const turns = useLoad(async () => {
    const ics = await api(`/communities/${me.home.community_id}/resources/${resource.id}/calendar.ics`, { as: "text" });
    return openTurns(resource.windows || [], takenSpans(ics));
  });
  const book = async (turn) => {
    const booking = await run(() => api("/bookings", { method: "POST", body: { community_id: me.home.community_id, resource_id: resource.id, ...turn } }));
    if (booking) onBooked(booking);
  };
  return html`<section aria-labelledby="turns-title"><h2 id="turns-title">${t("space.turns")}</h2>
    <${Loaded} state=${turns}>${(list) => (list.length ? html`<ul class="slots">${list.map((turn) => html`<li>
      <button type="button" onClick=${() => book(turn)} disabled=${state.busy}>${showDate(turn.starts_at)} ${showClock(turn.starts_at)}–${showClock(turn.ends_at)}</button></li>`)}</ul>`
      : html`<${Empty} text=${t("space.noTurns")} />`)}<//>
    ${state.error && html`<p class="state error" role="alert">${state.error.message}</p>`}
    ${state.busy && html`<${SubmitStatus} state=${state} />`}</section>`;
}

function PrinterQueue({ resource, me, onBooked }) {
  const [state, run] = useSubmit();
  const join = () => run(async () => {
    const quarter = 15 * 60 * 1000;
    for (let i = 0, at = nextQuarter(); ; i += 1, at += quarter) {
      const body = { community_id: me.home.community_id, resource_id: resource.id,
        starts_at: new Date(at).toISOString(), ends_at: new Date(at + quarter).toISOString() };
      try {
        return onBooked(await api("/bookings", { method: "POST", body }));
      } catch (error) {
        // taken (409) or closed then (422: opening hours): try the next quarter, up to a day ahead
        if (![409, 422].includes(error.status) || i >= 96) throw error;
      }
    }
  });
  return html`<section class="card" aria-labelledby="queue-title"><h2 id="queue-title">${t("space.queue")}</h2>
    <p class="hint">${t("space.queueHint")}</p>
    <button type="button" class="primary" onClick=${join} disabled=${state.busy}>${t("space.joinQueue")}</button>
    <${SubmitStatus} state=${{ ...state, done: false }} /></section>`;
}

export function Resource({ id }) {
  const code = useLocale();
  const [booking, setBooking] = useState(null);
  const data = useLoad(async () => {
    const me = await loadMe();
    return { me, resource: await api(`/communities/${me.home.community_id}/resources/${id}`) };
  }, [id]);
  return html`<p><a href="#/space">${t("common.back")}</a></p><${Loaded} state=${data}>${({ me, resource }) => {
    const Form = { service: Turns, printer: PrinterQueue }[resource.kind] || TimeForm;
    return html`<h1>${named(resource, code)}</h1>
      ${resource.rules?.approval && html`<p class="hint">${t("space.approvalHint")}</p>`}
      ${booking ? html`<${Booked} booking=${booking} />` : html`<${Form} resource=${resource} me=${me} onBooked=${setBooking} />`}`;
  }}<//>`;
}
