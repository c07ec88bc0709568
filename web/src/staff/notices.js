// Announcements: compose for buildings, grids or roles, then read receipts and resend.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { go } from "../shared/router.js";
import { showTime } from "../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { BuildingChecks, GridChecks } from "./audience.js";

const ROLES = ["resident", "owner", "building_leader", "grid_leader", "volunteer"];
const CHANNELS = ["email", "apprise"];
const SENT = "linli.staff.notices";

/** Announcements published from this browser (the API has no list of them). */
function sent() {
  try { return JSON.parse(localStorage.getItem(SENT)) || []; } catch { return []; }
}

function remember(notice) {
  localStorage.setItem(SENT, JSON.stringify([{ id: notice.id, title: notice.title, at: notice.created_at }, ...sent()].slice(0, 50)));
}

export function Notices({ place }) {
  const mine = sent();
  return html`<h1>${t("staff.notices.title")}</h1>
    <div class="columns">
      <section aria-labelledby="notice-new"><h2 id="notice-new">${t("staff.notices.new")}</h2><${NoticeForm} place=${place} /></section>
      <section aria-labelledby="notice-sent"><h2 id="notice-sent">${t("staff.notices.sent")}</h2>
        ${mine.length ? html`<ul class="list">${mine.map((n) => html`<li><a href=${`#/notices/${n.id}`}>${n.title}</a> <small>${showTime(n.at)}</small></li>`)}</ul>`
          : html`<${Empty} />`}</section>
    </div>`;
}

function Checks({ legend, values, prefix, chosen, onChange }) {
  return html`<fieldset class="checks"><legend>${legend}</legend>${values.map((v) => html`<label>
    <input type="checkbox" checked=${chosen.includes(v)} onChange=${(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((x) => x !== v))} />
    ${t(`${prefix}.${v}`)}</label>`)}</fieldset>`;
}

function NoticeForm({ place }) {
  const [form, setForm] = useState({ title: "", body: "", priority: "normal", channels: [], building_ids: [], grid_ids: [], roles: [] });
  const [state, run] = useSubmit();
  const set = (name) => (value) => setForm({ ...form, [name]: value?.target ? value.target.value : value });
  const submit = async (e) => {
    e.preventDefault();
    const { building_ids, grid_ids, roles, ...rest } = form;
    const notice = await run(() => api(`/communities/${place.community.id}/announcements`, {
      method: "POST", body: { ...rest, audience: { building_ids, grid_ids, roles } } }));
    if (notice) { remember(notice); go(`/notices/${notice.id}`); }
  };
  const errors = state.error?.fields || {};
  return html`<form onSubmit=${submit} aria-labelledby="notice-new">
    <${Field} id="notice-title" label=${t("staff.notice.title")} error=${errors.title?.join(" ")}>
      <input id="notice-title" required value=${form.title} onInput=${set("title")} /><//>
    <${Field} id="notice-body" label=${t("staff.notice.body")} error=${errors.body?.join(" ")}>
      <textarea id="notice-body" rows="4" required value=${form.body} onInput=${set("body")}></textarea><//>
    <${BuildingChecks} legend=${t("staff.notice.buildings")} community=${place.community} chosen=${form.building_ids} onChange=${set("building_ids")} />
    <${GridChecks} legend=${t("staff.notice.grids")} community=${place.community} chosen=${form.grid_ids} onChange=${set("grid_ids")} />
    <${Checks} legend=${t("staff.notice.roles")} values=${ROLES} prefix="role" chosen=${form.roles} onChange=${set("roles")} />
    <${Field} id="notice-priority" label=${t("staff.notice.priority")} error=${errors.priority?.join(" ")}>
      <select id="notice-priority" value=${form.priority} onChange=${set("priority")}>
        ${["low", "normal", "critical"].map((p) => html`<option value=${p}>${t(`priority.${p}`)}</option>`)}</select><//>
    <${Checks} legend=${t("staff.notice.channels")} values=${CHANNELS} prefix="channel" chosen=${form.channels} onChange=${set("channels")} />
    ${errors.audience && html`<p class="field-error" role="alert">${JSON.stringify(errors.audience)}</p>`}
    <button type="submit" class="primary" disabled=${state.busy}>${t("staff.notice.publish")}</button><${SubmitStatus} state=${state} />
  </form>`;
}

export function NoticeDetail({ id }) {
  const notice = useLoad(() => api(`/announcements/${id}`), [id]);
  return html`<${Loaded} state=${notice}>${(n) => html`
    <p><a href="#/notices">${t("staff.notices.back")}</a></p>
    <h1>${n.title}</h1><p>${n.body}</p>
    <p>${showTime(n.created_at)} · ${t(`priority.${n.priority}`)}</p>
    <p role="status">${t("staff.notice.receipts", { read: n.read.length, total: n.recipients })}</p>
    <button type="button" onClick=${notice.reload}>${t("staff.notice.refresh")}</button>
    <div class="columns">
      <section aria-labelledby="read"><h2 id="read">${t("staff.notice.read")}</h2><${People} list=${n.read} /></section>
      <section aria-labelledby="unread"><h2 id="unread">${t("staff.notice.unread")}</h2><${People} list=${n.unread} />
        ${n.unread.length > 0 && html`<${Resend} id=${id} />`}</section>
    </div>`}<//>`;
}

function People({ list }) {
  if (!list.length) return html`<${Empty} />`;
  return html`<ul>${list.map((p) => html`<li>${p.display_name || p.account_id}${p.read_at ? ` · ${showTime(p.read_at)}` : ""}</li>`)}</ul>`;
}

function Resend({ id }) {
  const [channel, setChannel] = useState("email");
  const [state, run] = useSubmit();
  const [answer, setAnswer] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    setAnswer(await run(() => api(`/announcements/${id}/resend`, { method: "POST", body: { channel } })));
  };
  return html`<form onSubmit=${submit} class="row">
    <${Field} id="resend-channel" label=${t("staff.notice.resendBy")}>
      <select id="resend-channel" value=${channel} onChange=${(e) => setChannel(e.target.value)}>
        ${CHANNELS.map((c) => html`<option value=${c}>${t(`channel.${c}`)}</option>`)}</select><//>
    <button type="submit" disabled=${state.busy}>${t("staff.notice.resend")}</button>
    <${SubmitStatus} state=${{ ...state, done: false }} />
    ${answer && html`<p role="status">${t("staff.notice.resent", { queued: answer.queued.length, unreachable: answer.unreachable.length })}</p>`}
  </form>`;
}
