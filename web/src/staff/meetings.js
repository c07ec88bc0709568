// A joint meeting (联席会议): agenda cases, minutes and action items per party.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { fromShanghaiInput, showTime } from "../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { PARTIES } from "./cases.js";

export function Meeting({ id, place }) {
  const path = `/communities/${place.community.id}/joint-meetings/${id}`;
  const meeting = useLoad(() => api(path), [id]);
  return html`<${Loaded} state=${meeting}>${(m) => html`
    <h1>${m.title}</h1>
    <p>${showTime(m.starts_at)} · ${m.place || ""} · ${m.parties.map((p) => t(`party.${p}`)).join(" / ")}</p>
    <div class="columns">
      <section aria-labelledby="agenda"><h2 id="agenda">${t("staff.meeting.agenda")}</h2>
        <ul>${m.agenda.map((issueId) => html`<li><a href=${`#/cases/${issueId}`}>${t("staff.meeting.case", { id: issueId.slice(-6) })}</a></li>`)}</ul>
        <h2 id="minutes">${t("staff.meeting.minutes")}</h2>
        <${Minutes} path=${path} meeting=${m} onSaved=${meeting.reload} /></section>
      <section aria-labelledby="items"><h2 id="items">${t("staff.meeting.items")}</h2>
        ${m.action_items.length ? html`<ul>${m.action_items.map((item) => html`<li>
          <strong>${t(`party.${item.party}`)}</strong>: ${item.title} · ${t("staff.meeting.due")} ${showTime(item.due_at)}
          ${item.done_at ? html` · ${t("staff.meeting.done")}` : html` <${Done} community=${place.community} item=${item} onDone=${meeting.reload} />`}</li>`)}</ul>`
          : html`<${Empty} />`}
        <${ItemForm} path=${path} meeting=${m} onSaved=${meeting.reload} /></section>
    </div>`}<//>`;
}

function Done({ community, item, onDone }) {
  const [state, run] = useSubmit();
  const done = async () => { if (await run(() => api(`/communities/${community.id}/action-items/${item.id}/done`, { method: "POST" }))) onDone(); };
  return html`<button type="button" onClick=${done} disabled=${state.busy} aria-label=${t("staff.meeting.markDoneOf", { title: item.title })}>
    ${t("staff.meeting.markDone")}</button><${SubmitStatus} state=${{ ...state, done: false }} />`;
}

function Minutes({ path, meeting, onSaved }) {
  const [text, setText] = useState(meeting.minutes || "");
  const [state, run] = useSubmit();
  const submit = async (e) => {
    e.preventDefault();
    if (await run(() => api(`${path}/minutes`, { method: "PUT", body: { minutes: text } }))) onSaved();
  };
  return html`<form onSubmit=${submit} aria-labelledby="minutes">
    <${Field} id="minutes-text" label=${t("staff.meeting.minutes")} error=${state.error?.fields?.minutes?.join(" ")}>
      <textarea id="minutes-text" rows="6" value=${text} onInput=${(e) => setText(e.target.value)}></textarea><//>
    <button type="submit" disabled=${state.busy}>${t("common.save")}</button><${SubmitStatus} state=${state} />
  </form>`;
}

function ItemForm({ path, meeting, onSaved }) {
  const [form, setForm] = useState({ party: "pm", title: "", due_at: "", issue_id: meeting.agenda[0] });
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    const body = { ...form, due_at: fromShanghaiInput(form.due_at) };
    if (await run(() => api(`${path}/action-items`, { method: "POST", body }))) onSaved();
  };
  const errors = state.error?.fields || {};
  return html`<form onSubmit=${submit} aria-labelledby="items">
    <${Field} id="item-party" label=${t("staff.case.party")}>
      <select id="item-party" value=${form.party} onChange=${set("party")}>
        ${PARTIES.map((p) => html`<option value=${p}>${t(`party.${p}`)}</option>`)}</select><//>
    <${Field} id="item-title" label=${t("staff.meeting.itemTitle")} error=${errors.title?.join(" ")}>
      <input id="item-title" required value=${form.title} onInput=${set("title")} /><//>
    <${Field} id="item-due" label=${t("staff.meeting.due")} error=${errors.due_at?.join(" ")}>
      <input id="item-due" type="datetime-local" required value=${form.due_at} onInput=${set("due_at")} /><//>
    <button type="submit" disabled=${state.busy}>${t("staff.meeting.addItem")}</button><${SubmitStatus} state=${state} />
  </form>`;
}
