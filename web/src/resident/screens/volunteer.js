// Volunteering: register with my skills, browse coming shifts and sign up, my shifts, my hours, my certificate.
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { showClock, showTime } from "../../shared/time.js";
import { Empty, Loaded, SubmitStatus, useLoad, useSubmit } from "../../shared/ui.js";
import { items, loadMe } from "../data.js";

const SKILLS = ["hairdressing", "legal_advice", "nursing", "it", "drawing", "first_aid"];

function Register({ me, onDone }) {
  const [skills, setSkills] = useState([]);
  const [party, setParty] = useState(false);
  const [state, run] = useSubmit();
  const toggle = (s) => setSkills(skills.includes(s) ? skills.filter((x) => x !== s) : [...skills, s]);
  const submit = async (event) => {
    event.preventDefault();
    const body = { display_name: me.account.display_name, skills, party_member: party, building_id: me.home.building_id || null };
    if (await run(() => api(`/communities/${me.home.community_id}/volunteers`, { method: "POST", body }))) onDone();
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="join-title">
    <h2 id="join-title">${t("volunteer.join")}</h2><p class="hint">${t("volunteer.joinHint")}</p>
    <fieldset><legend>${t("volunteer.skills")}</legend>
      ${SKILLS.map((s) => html`<label class="choice"><input type="checkbox" checked=${skills.includes(s)} onChange=${() => toggle(s)} /> ${t(`skill.${s}`)}</label>`)}
    </fieldset>
    <label class="choice"><input type="checkbox" checked=${party} onChange=${() => setParty(!party)} /> ${t("volunteer.party")}</label>
    <button type="submit" class="primary" disabled=${state.busy}>${t("volunteer.register")}</button>
    <${SubmitStatus} state=${state} /></form>`;
}

function Shift({ shift, profile, onSigned }) {
  const [state, run] = useSubmit();
  const mine = Object.keys(profile.skills || {});
  const needed = Object.keys(shift.needs || {});
  const skill = needed.find((s) => mine.includes(s)) || (needed.includes("general") ? "general" : needed[0]) || null;
  const signUp = async () => {
    const result = await run(() => api(`/shifts/${shift.id}/signups`, { method: "POST", body: { skill } }));
    if (result) onSigned();
  };
  const seats = needed.map((s) => t("volunteer.seats", { skill: t(`skill.${s}`), taken: shift.taken?.[s] ?? 0, needed: shift.needs[s] })).join(" · ");
  return html`<li><strong>${shift.title}</strong>
    <p>${showTime(shift.starts_at)}–${showClock(shift.ends_at)} · ${shift.place}</p><p class="hint">${seats}</p>
    <button type="button" onClick=${signUp} disabled=${state.busy || state.done}
      aria-label=${state.done ? undefined : t("volunteer.signUpFor", { title: shift.title, time: showTime(shift.starts_at) })}>${state.done ? t("volunteer.signedUp") : t("volunteer.signUp")}</button>
    ${state.error && html`<p class="state error" role="alert">${state.error.message}</p>`}</li>`;
}

function Certificate({ me }) {
  const [state, run] = useSubmit();
  const year = new Date().getFullYear();
  const open = () => run(async () => {
    const pdf = await api(`/communities/${me.home.community_id}/volunteers/${me.account.id}/certificate?year=${year}`, { as: "blob" });
    window.open(URL.createObjectURL(pdf), "_blank");
  });
  return html`<button type="button" onClick=${open} disabled=${state.busy}>${t("volunteer.certificate", { year })}</button>
    ${state.error && html`<p class="state error" role="alert">${state.error.message}</p>`}`;
}

function Volunteering({ me, profile, reload }) {
  const base = `/communities/${me.home.community_id}`;
  const shifts = useLoad(() => api(`${base}/shifts`));
  const mine = useLoad(() => api(`${base}/volunteers/${me.account.id}/signups`));
  const hours = useLoad(() => api(`${base}/hours?volunteer_id=${me.account.id}`));
  const signed = () => { mine.reload(); shifts.reload(); };
  return html`<section aria-labelledby="hours-title"><h2 id="hours-title">${t("volunteer.hours")}</h2>
      <${Loaded} state=${hours}>${(h) => html`<p>${t("volunteer.hoursLine", { hours: h.hours ?? 0, shifts: h.shifts ?? 0 })}</p>`}<//>
      <${Certificate} me=${me} /></section>
    <section aria-labelledby="mine-title"><h2 id="mine-title">${t("volunteer.mine")}</h2>
      <${Loaded} state=${mine}>${(answer) => (items(answer).length ? html`<ul class="list">${items(answer).map((s) => html`<li>
        ${showTime(s.starts_at)}–${showClock(s.ends_at)} ${s.skill && html`<span class="badge">${t(`skill.${s.skill}`)}</span>`}</li>`)}</ul>`
        : html`<${Empty} text=${t("volunteer.noneMine")} />`)}<//></section>
    <section aria-labelledby="shifts-title"><h2 id="shifts-title">${t("volunteer.shifts")}</h2>
      <${Loaded} state=${shifts}>${(answer) => (items(answer).length ? html`<ul class="list">${items(answer).map((s) => html`
        <${Shift} key=${s.id} shift=${s} profile=${profile} onSigned=${signed} />`)}</ul>`
        : html`<${Empty} text=${t("volunteer.noShifts")} />`)}<//></section>`;
}

export function Volunteer() {
  const data = useLoad(async () => {
    const me = await loadMe();
    const profile = await api(`/communities/${me.home.community_id}/volunteers/${me.account.id}`)
      .catch((e) => (e.status === 404 || e.status === 403 ? null : Promise.reject(e)));
    return { me, profile };
  });
  return html`<h1>${t("volunteer.title")}</h1><${Loaded} state=${data}>${({ me, profile }) => (profile
    ? html`<${Volunteering} me=${me} profile=${profile} reload=${data.reload} />`
    : html`<${Register} me=${me} onDone=${data.reload} />`)}<//>`;
}
