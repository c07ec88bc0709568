// The case queue (filters sent to the server: state, party, category, grid, overdue; paged) and one case with its moves.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { go } from "../shared/router.js";
import { fromShanghaiInput, showTime } from "../shared/time.js";
import { Empty, ErrorState, Field, Loaded, Loading, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { buildingName, gridName, itemsOf } from "./names.js";

export const STATES = ["submitted", "accepted", "assigned", "in_progress", "resolved", "closed", "rejected", "merged", "reopened"];
export const CATEGORIES = ["parking", "non_motor_vehicles", "noise", "sanitation", "repairs", "safety", "greenery", "elevators", "other"];
export const PARTIES = ["rc", "pm", "oc"];
const OPEN = ["submitted", "accepted", "assigned", "in_progress", "reopened"];

export function overdue(issue, now = Date.now()) {
  if (!OPEN.includes(issue.status)) return false;
  const due = issue.status === "submitted" ? issue.respond_by : issue.resolve_by;
  return Boolean(due) && new Date(due).getTime() < now;
}

function Select({ id, label, value, options, onChange, prefix }) {
  return html`<${Field} id=${id} label=${label}>
    <select id=${id} value=${value} onChange=${(e) => onChange(e.target.value)}>
      <option value="">${t("staff.all")}</option>
      ${options.map((o) => html`<option value=${o.value ?? o}>${o.label ?? t(`${prefix}.${o}`)}</option>`)}
    </select><//>`;
}

const PAGE = 50;

/** The queue's query: every filter is the server's (GET /issues filters and pages server-side). */
function queueQuery(community, filter, cursor) {
  const query = new URLSearchParams({ community_id: community.id, limit: String(PAGE) });
  for (const [name, key] of [["status", "status"], ["category", "category"], ["party", "party"], ["grid", "grid_id"]]) {
    if (filter[name]) query.set(key, filter[name]);
  }
  if (filter.late) query.set("overdue", "true");
  if (cursor) query.set("cursor", cursor);
  return query;
}

export function CaseQueue({ place }) {
  const { community } = place;
  const [filter, setFilter] = useState({ status: "", category: "", party: "", grid: "", late: false });
  const set = (name) => (value) => setFilter({ ...filter, [name]: value });
  const cases = useLoad(() => api(`/issues?${queueQuery(community, filter)}`), [JSON.stringify(filter)]);
  const grids = community.grids.map((g) => ({ value: g.id, label: gridName(community, g.id) }));
  return html`<h1>${t("staff.cases.title")}</h1>
    <form class="filters" aria-label=${t("staff.filters")} onSubmit=${(e) => e.preventDefault()}>
      <${Select} id="f-status" label=${t("staff.case.status")} value=${filter.status} options=${STATES} prefix="status" onChange=${set("status")} />
      <${Select} id="f-party" label=${t("staff.case.party")} value=${filter.party} options=${PARTIES} prefix="party" onChange=${set("party")} />
      <${Select} id="f-category" label=${t("staff.case.category")} value=${filter.category} options=${CATEGORIES} prefix="category" onChange=${set("category")} />
      <${Select} id="f-grid" label=${t("staff.case.grid")} value=${filter.grid} options=${grids} onChange=${set("grid")} />
      <label><input type="checkbox" checked=${filter.late} onChange=${(e) => set("late")(e.target.checked)} /> ${t("staff.case.overdueOnly")}</label>
    </form>
    <${Loaded} state=${cases}>${(first) => html`<${QueuePages} first=${first}
      more=${(cursor) => api(`/issues?${queueQuery(community, filter, cursor)}`)} community=${community} />`}<//>`;
}

/** The first page and each further one asked for with "more" (the server's `next`). */
function QueuePages({ first, more, community }) {
  const [added, setAdded] = useState({ of: first, pages: [] });  // pages after this `first` only
  const pages = [first, ...(added.of === first ? added.pages : [])];
  const [state, run] = useSubmit();
  const next = pages[pages.length - 1].next;
  const loadMore = () => run(async () => setAdded({ of: first, pages: [...pages.slice(1), await more(next)] }));
  return html`<${CaseTable} cases=${pages.flatMap(itemsOf)} community=${community} />
    ${next && html`<button type="button" onClick=${loadMore} disabled=${state.busy}>${t("common.more")}</button>`}
    ${state.busy && html`<${Loading} label=${t("common.more")} />`}
    ${state.error && html`<${ErrorState} error=${state.error} />`}`;
}

function CaseTable({ cases, community }) {
  if (!cases.length) return html`<${Empty} text=${t("staff.cases.none")} />`;
  return html`<table><caption class="visually-hidden">${t("staff.cases.title")}</caption>
    <thead><tr><th scope="col">${t("staff.case.title")}</th><th scope="col">${t("staff.case.category")}</th>
      <th scope="col">${t("staff.case.status")}</th><th scope="col">${t("staff.case.party")}</th>
      <th scope="col">${t("staff.case.place")}</th><th scope="col">${t("staff.case.reported")}</th></tr></thead>
    <tbody>${cases.map((c) => html`<tr>
      <td><a href=${`#/cases/${c.id}`}>${c.title}</a> ${overdue(c) && html`<span class="badge late">${t("staff.case.overdue")}</span>`}</td>
      <td>${t(`category.${c.category}`)}</td><td>${t(`status.${c.status}`)}</td>
      <td>${c.party ? t(`party.${c.party}`) : "—"}</td>
      <td>${buildingName(community, c.location?.building_id)} · ${gridName(community, c.location?.grid_id)}</td>
      <td>${showTime(c.created_at)}</td></tr>`)}</tbody></table>`;
}

export function CaseDetail({ id, place }) {
  const issue = useLoad(() => api(`/issues/${id}`), [id]);
  return html`<${Loaded} state=${issue}>${(c) => html`
    <p><a href="#/">${t("staff.cases.back")}</a></p>
    <h1>${c.title}</h1>
    <div class="columns">
      <section aria-labelledby="case-facts"><h2 id="case-facts">${t("staff.case.facts")}</h2>
        <${Facts} c=${c} community=${place.community} />
        <h2>${t("staff.case.timeline")}</h2><${Timeline} steps=${c.timeline || []} /></section>
      <section aria-labelledby="case-move"><h2 id="case-move">${t("staff.case.move")}</h2>
        <${MoveForm} c=${c} onMoved=${issue.reload} />
        <h2 id="case-meeting">${t("staff.meeting.call")}</h2><${MeetingForm} c=${c} /></section>
    </div>`}<//>`;
}

function Facts({ c, community }) {
  return html`<dl class="figures">
    <dt>${t("staff.case.status")}</dt><dd>${t(`status.${c.status}`)} ${overdue(c) && html`<span class="badge late">${t("staff.case.overdue")}</span>`}</dd>
    <dt>${t("staff.case.category")}</dt><dd>${t(`category.${c.category}`)}</dd>
    <dt>${t("staff.case.party")}</dt><dd>${c.party ? t(`party.${c.party}`) : "—"}</dd>
    <dt>${t("staff.case.place")}</dt><dd>${buildingName(community, c.location?.building_id)} · ${gridName(community, c.location?.grid_id)}</dd>
    <dt>${t("staff.case.respondBy")}</dt><dd>${showTime(c.respond_by) || "—"}</dd>
    <dt>${t("staff.case.resolveBy")}</dt><dd>${showTime(c.resolve_by) || "—"}</dd>
    <dt>${t("staff.case.description")}</dt><dd>${c.description}</dd>
    <dt>${t("staff.case.followers")}</dt><dd>${(c.follower_ids || []).length}</dd>
  </dl>`;
}

function Timeline({ steps }) {
  return html`<ol class="timeline">${steps.map((s) => html`<li>
    <strong>${t(`action.${s.action}`)}</strong> · ${showTime(s.at)} · ${t(`status.${s.status}`)}
    ${s.action === "joint_meeting_scheduled" ? html`<br /><a href=${`#/meetings/${s.note}`}>${t("staff.meeting.open")}</a>`
      : s.note && html`<br /><span>${s.note}</span>`}</li>`)}</ol>`;
}

const MOVES = ["accept", "reject", "assign", "start", "resolve", "close", "reopen", "merge"];

function MoveForm({ c, onMoved }) {
  const [form, setForm] = useState({ action: "accept", note: "", party: "", into_id: "" });
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    const body = { note: form.note || null };
    if (form.action === "assign" && form.party) body.party = form.party;
    if (form.action === "merge") body.into_id = form.into_id || null;
    if (await run(() => api(`/issues/${c.id}/actions/${form.action}`, { method: "POST", body }))) onMoved();
  };
  const errors = state.error?.fields || {};
  return html`<form onSubmit=${submit} aria-labelledby="case-move">
    <${Field} id="move-action" label=${t("staff.move.action")}>
      <select id="move-action" value=${form.action} onChange=${set("action")}>
        ${MOVES.map((m) => html`<option value=${m}>${t(`move.${m}`)}</option>`)}</select><//>
    ${form.action === "assign" && html`<${Field} id="move-party" label=${t("staff.case.party")} error=${errors.party?.join(" ")}>
      <select id="move-party" value=${form.party} onChange=${set("party")}><option value="">${t("staff.move.byRouting")}</option>
        ${PARTIES.map((p) => html`<option value=${p}>${t(`party.${p}`)}</option>`)}</select><//>`}
    ${form.action === "merge" && html`<${Field} id="move-into" label=${t("staff.move.into")} error=${errors.into_id?.join(" ")}>
      <input id="move-into" value=${form.into_id} onInput=${set("into_id")} /><//>`}
    <${Field} id="move-note" label=${t("staff.move.note")} hint=${t("staff.move.noteHint")} error=${errors.note?.join(" ")}>
      <textarea id="move-note" rows="3" value=${form.note} onInput=${set("note")}></textarea><//>
    <button type="submit" class="primary" disabled=${state.busy}>${t("staff.move.submit")}</button>
    <${SubmitStatus} state=${state} />
  </form>`;
}

function MeetingForm({ c }) {
  const [form, setForm] = useState({ title: "", starts_at: "", place: "" });
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    const meeting = await run(() => api("/joint-meetings", { method: "POST", body: {
      community_id: c.community_id, title: form.title, place: form.place || null,
      starts_at: fromShanghaiInput(form.starts_at), issue_ids: [c.id] } }));
    if (meeting) go(`/meetings/${meeting.id}`);
  };
  const errors = state.error?.fields || {};
  return html`<form onSubmit=${submit} aria-labelledby="case-meeting">
    <${Field} id="meeting-title" label=${t("staff.meeting.title")} error=${errors.title?.join(" ")}>
      <input id="meeting-title" required value=${form.title} onInput=${set("title")} /><//>
    <${Field} id="meeting-starts" label=${t("staff.meeting.starts")} error=${errors.starts_at?.join(" ")}>
      <input id="meeting-starts" type="datetime-local" required value=${form.starts_at} onInput=${set("starts_at")} /><//>
    <${Field} id="meeting-place" label=${t("staff.meeting.place")}>
      <input id="meeting-place" value=${form.place} onInput=${set("place")} /><//>
    <button type="submit" disabled=${state.busy}>${t("staff.meeting.call")}</button>
    <${SubmitStatus} state=${state} />
  </form>`;
}
