// Tuesday services (相约星期二): schedule a session day with the volunteer skills it needs.
// Its booking turns open only when a volunteer with the skill signs up (the bookings service).
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, t } from "../shared/i18n.js";
import { showClock, showDate } from "../shared/time.js";
import { Field, SubmitStatus, useSubmit } from "../shared/ui.js";
import { messages } from "./tuesday-messages.js";

addMessages(messages);
const SKILLS = ["hairdressing", "legal_advice", "nursing"];

/** The next Tuesday after today, in Shanghai, as YYYY-MM-DD. */
function nextTuesday() {
  const today = new Date(Date.now() + 8 * 3600 * 1000);
  const ahead = (2 - today.getUTCDay() + 7) % 7 || 7;
  return new Date(today.getTime() + ahead * 86400 * 1000).toISOString().slice(0, 10);
}

function isoWeekday(day) {
  return new Date(`${day}T12:00:00Z`).getUTCDay() || 7;
}

export function Tuesday({ place }) {
  const [form, setForm] = useState({ title: t("staff.tuesday.defaultTitle"), place: t("staff.tuesday.defaultPlace"),
    day: nextTuesday(), start: "09:00", end: "11:00", hairdressing: "1", legal_advice: "0", nursing: "1" });
  const [made, setMade] = useState([]);
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (event) => {
    event.preventDefault();
    const needs = Object.fromEntries(SKILLS.map((s) => [s, Number(form[s])]).filter(([, n]) => n > 0));
    const body = { kind: "tuesday_services", title: form.title, place: form.place, template: {
      kind: "weekly", weekday: isoWeekday(form.day), start: form.start, end: form.end, first_day: form.day, weeks: 1, needs } };
    const activity = await run(() => api(`/communities/${place.community.id}/activities`, { method: "POST", body }));
    if (activity) setMade([...activity.shifts, ...made]);
  };
  const errors = state.error?.fields || {};
  const tpl = errors.template || {};
  const input = (name, label, type = "text", error = errors[name]) => html`<${Field} id=${`tue-${name}`} label=${label}
    error=${error?.join?.(" ") || (error && typeof error === "object" ? Object.values(error).flat().join(" ") : undefined)}>
    <input id=${`tue-${name}`} type=${type} required value=${form[name]} onInput=${set(name)} min=${type === "number" ? 0 : undefined} /><//>`;
  return html`<h1>${t("staff.tuesday.title")}</h1>
    <p>${t("staff.tuesday.intro")}</p>
    <form class="card" onSubmit=${submit} aria-labelledby="tuesday-new">
      <h2 id="tuesday-new">${t("staff.tuesday.new")}</h2>
      ${input("title", t("staff.activity.title"))}${input("place", t("staff.activity.place"))}
      ${input("day", t("staff.tuesday.day"), "date", tpl.first_day)}
      ${input("start", t("staff.activity.start"), "time", tpl.start)}${input("end", t("staff.activity.end"), "time", tpl.end)}
      <fieldset><legend>${t("staff.tuesday.needs")}</legend>
        ${SKILLS.map((s) => input(s, t("staff.tuesday.need", { skill: t(`skill.${s}`) }), "number", tpl.needs))}</fieldset>
      <button type="submit" class="primary" disabled=${state.busy}>${t("staff.tuesday.create")}</button>
      <${SubmitStatus} state=${state} />
    </form>
    ${made.length > 0 && html`<h2>${t("staff.tuesday.made")}</h2><ul class="list">${made.map((s) => html`<li>
      <strong>${s.title}</strong> · ${showDate(s.starts_at)} ${showClock(s.starts_at)}–${showClock(s.ends_at)} ·
      ${Object.entries(s.needs).map(([skill, n]) => html`<span class="badge">${t(`skill.${skill}`)} 0/${n}</span> `)}</li>`)}</ul>`}`;
}
