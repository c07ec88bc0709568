// Announcements: compose for buildings, grids or roles, then read receipts and resend.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { go } from "../shared/router.js";
import { showTime } from "../shared/time.js";
import { Empty, ErrorState, Field, Loaded, Loading, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { BuildingChecks, GridChecks } from "./audience.js";

const ROLES = ["resident", "owner", "building_leader", "grid_leader", "volunteer"];
const CHANNELS = ["email", "apprise"];
const PAGE = 20;

export function Notices({ place }) {
  const base = `/communities/${place.community.id}/announcements?limit=${PAGE}`;
  const first = useLoad(() => api(base), [base]);
  return html`<h1>${t("staff.notices.title")}</h1>
    <div class="columns">
      <section aria-labelledby="notice-new"><h2 id="notice-new">${t("staff.notices.new")}</h2><${NoticeForm} place=${place} /></section>
      <section aria-labelledby="notice-sent"><h2 id="notice-sent">${t("staff.notices.sent")}</h2>
        <${Loaded} state=${first}>${(page) => html`<${SentList} first=${page} more=${(cursor) => api(`${base}&cursor=${cursor}`)} />`}<//></section>
    </div>`;
}

/** Every announcement of the community from the server, newest first, with its read receipts; "more" pages on. */
function SentList({ first, more }) {
  const [added, setAdded] = useState({ of: first, pages: [] });
  const pages = [first, ...(added.of === first ? added.pages : [])];
  const [state, run] = useSubmit();
  const next = pages[pages.length - 1].next;
  const list = pages.flatMap((page) => page.items);
  if (!list.length) return html`<${Empty} />`;
  return html`<ul class="list">${list.map((n) => html`<li><a href=${`#/notices/${n.id}`}>${n.title}</a>
      <small><time datetime=${n.created_at}>${showTime(n.created_at)}</time> · ${t("staff.notice.receipts", { read: n.read ?? 0, total: n.recipients ?? 0 })}</small></li>`)}</ul>
    ${next && html`<button type="button" disabled=${state.busy}
      onClick=${() => run(async () => setAdded({ of: first, pages: [...pages.slice(1), await more(next)] }))}>${t("common.more")}</button>`}
    ${state.busy && html`<${Loading} label=${t("common.more")} />`}
    ${state.error && html`<${ErrorState} error=${state.error} />`}`;
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
    if (notice) go(`/notices/${notice.id}`);
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
