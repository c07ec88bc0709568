// The volunteer shift board: coming shifts with their gaps, sign-ups, check-in/out; new activities.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { shanghaiDayStart, showClock, showDate } from "../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { itemsOf } from "./names.js";

function missing(shift) {
  return Object.entries(shift.needs).map(([skill, n]) => [skill, n - (shift.taken?.[skill] || 0)]).filter(([, n]) => n > 0);
}

export function Shifts({ place }) {
  const query = new URLSearchParams({ since: shanghaiDayStart(0), until: shanghaiDayStart(15) });
  const shifts = useLoad(() => api(`/communities/${place.community.id}/shifts?${query}`), []);
  return html`<h1>${t("staff.shifts.title")}</h1>
    <div class="columns">
      <section aria-labelledby="board"><h2 id="board">${t("staff.shifts.board")}</h2>
        <${Loaded} state=${shifts}>${(data) => (itemsOf(data).length
          ? html`<ul class="list">${itemsOf(data).map((s) => html`<li><${ShiftRow} shift=${s} /></li>`)}</ul>`
          : html`<${Empty} text=${t("staff.shifts.none")} />`)}<//></section>
      <section aria-labelledby="activity-new"><h2 id="activity-new">${t("staff.activity.new")}</h2>
        <${ActivityForm} place=${place} onMade=${shifts.reload} /></section>
    </div>`;
}

function ShiftRow({ shift }) {
  const [open, setOpen] = useState(false);
  const gaps = missing(shift);
  return html`<div>
    <strong>${shift.title}</strong> · ${showDate(shift.starts_at)} ${showClock(shift.starts_at)}–${showClock(shift.ends_at)} · ${shift.place}
    <p>${Object.entries(shift.needs).map(([skill, n]) => html`<span class="badge">${t(`skill.${skill}`)} ${shift.taken?.[skill] || 0}/${n}</span> `)}
      ${gaps.length ? html`<span class="badge late">${t("staff.shift.gap", { n: gaps.reduce((sum, [, n]) => sum + n, 0) })}</span>`
        : html`<span class="badge">${t("staff.shift.full")}</span>`}</p>
    <button type="button" aria-expanded=${open} onClick=${() => setOpen(!open)}>${t("staff.shift.signups")}</button>
    ${open && html`<${Signups} shift=${shift} />`}
  </div>`;
}

function Signups({ shift }) {
  const list = useLoad(() => api(`/shifts/${shift.id}/signups`), [shift.id]);
  return html`<${Loaded} state=${list}>${(data) => {
    const seated = itemsOf(data.signups ?? data);
    if (!seated.length) return html`<${Empty} />`;
    return html`<ul>${seated.map((s) => html`<li><${Attendance} signup=${s} onDone=${list.reload} /></li>`)}</ul>`;
  }}<//>`;
}

function Attendance({ signup, onDone }) {
  const [state, run] = useSubmit();
  const act = (what) => async () => { if (await run(() => api(`/signups/${signup.id}/${what}`, { method: "POST", body: {} }))) onDone(); };
  const name = signup.display_name || signup.volunteer_id;
  return html`<span>${name} · ${t(`skill.${signup.skill}`)}</span>
    <button type="button" aria-label=${t("staff.shift.checkInWho", { name })} onClick=${act("check-in")}>${t("staff.shift.checkIn")}</button>
    <button type="button" aria-label=${t("staff.shift.checkOutWho", { name })} onClick=${act("check-out")}>${t("staff.shift.checkOut")}</button>
    <${SubmitStatus} state=${{ ...state, done: false }} />`;
}

function ActivityForm({ place, onMade }) {
  const [form, setForm] = useState({ kind: "cleanup", title: "", place: "", first_day: "", start: "09:00", end: "11:00", days: "1", people: "5" });
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    const template = { kind: "rota", first_day: form.first_day, start: form.start, end: form.end, days: Number(form.days), people: Number(form.people) };
    const body = { kind: form.kind, title: form.title, place: form.place, template };
    if (await run(() => api(`/communities/${place.community.id}/activities`, { method: "POST", body }))) onMade();
  };
  const errors = state.error?.fields || {};
  const tpl = errors.template || {};
  const input = (name, label, type = "text", error = errors[name]) => html`<${Field} id=${`act-${name}`} label=${label} error=${error?.join?.(" ")}>
    <input id=${`act-${name}`} type=${type} required value=${form[name]} onInput=${set(name)} /><//>`;
  return html`<form onSubmit=${submit} aria-labelledby="activity-new">
    <${Field} id="act-kind" label=${t("staff.activity.kind")}>
      <select id="act-kind" value=${form.kind} onChange=${set("kind")}>
        ${["cleanup", "patrol", "event"].map((k) => html`<option value=${k}>${t(`activity.${k}`)}</option>`)}</select><//>
    ${input("title", t("staff.activity.title"))}${input("place", t("staff.activity.place"))}
    ${input("first_day", t("staff.activity.firstDay"), "date", tpl.first_day)}
    ${input("start", t("staff.activity.start"), "time", tpl.start)}${input("end", t("staff.activity.end"), "time", tpl.end)}
    ${input("days", t("staff.activity.days"), "number", tpl.days)}${input("people", t("staff.activity.people"), "number", tpl.people)}
    <button type="submit" class="primary" disabled=${state.busy}>${t("staff.activity.create")}</button><${SubmitStatus} state=${state} />
  </form>`;
}
