// Report a problem: what, where (tap a building on the plan, then the unit), a photo; "me too" first.
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { go } from "../../shared/router.js";
import { terms } from "../../shared/terms.js";
import { Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../../shared/ui.js";
import { items, loadHome } from "../data.js";
import { base64, fieldError, formError } from "../forms.js";
import { CommunityPlan } from "../map.js";

const CATEGORIES = Object.keys(terms.en).filter((k) => k.startsWith("category.")).map((k) => k.slice(9));
const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];
const PHOTO_MAX = 2 * 1024 * 1024;
const FIELDS = ["category", "title", "description", "location.building_id", "location.unit_id", "photos"];

function photoProblem(file) {
  if (!file) return null;
  if (!PHOTO_TYPES.includes(file.type)) return t("report.photoType");
  if (file.size > PHOTO_MAX) return t("report.photoSize");
  return null;
}

function MeToo({ communityId, category, buildingId }) {
  const [state, run] = useSubmit();
  const found = useLoad(() => (category && buildingId
    ? api(`/issues/duplicates?community_id=${communityId}&category=${category}&building_id=${buildingId}`)
    : Promise.resolve({ items: [] })), [category, buildingId]);
  const join = async (id) => {
    if (await run(() => api(`/issues/${id}/followers`, { method: "POST" }))) go(`/cases/${id}`);
  };
  const list = items(found.data);
  if (!list.length) return null;
  return html`<section class="card" aria-labelledby="metoo-title"><h2 id="metoo-title">${t("report.similar")}</h2>
    <p class="hint">${t("report.similarHint")}</p>
    <ul class="list">${list.map((c) => html`<li><strong>${c.title}</strong> <span class="badge">${t(`status.${c.status}`)}</span>
      <button type="button" onClick=${() => join(c.id)} aria-label=${t("report.meTooOf", { title: c.title })}>${t("report.meToo")}</button></li>`)}</ul>
    <${SubmitStatus} state=${{ ...state, done: false }} /></section>`;
}

function ReportForm({ me, directory }) {
  const [form, setForm] = useState({ category: "", title: "", description: "", building_id: me.home.building_id || "", unit_id: me.home.unit_id || "" });
  const [photo, setPhoto] = useState(null);
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const pickBuilding = (id) => setForm({ ...form, building_id: id, unit_id: "" });
  const units = directory.units.filter((u) => u.building_id === form.building_id);
  const photoError = photoProblem(photo);
  const submit = async (event) => {
    event.preventDefault();
    if (photoError) return;
    const photos = photo ? [{ content_type: photo.type, data: await base64(photo) }] : [];
    const body = { community_id: me.home.community_id, category: form.category, title: form.title.trim(),
      description: form.description.trim(), location: { building_id: form.building_id, unit_id: form.unit_id || null }, photos };
    const issue = await run(() => api("/issues", { method: "POST", body }));
    if (issue) go(`/cases/${issue.id}`);
  };
  const err = (path) => fieldError(state.error, path);
  return html`<form class="card" onSubmit=${submit} aria-labelledby="report-title" novalidate>
    <h1 id="report-title">${t("report.title")}</h1>
    <${Field} id="report-category" label=${t("report.category")} error=${err("category")}>
      <select id="report-category" required value=${form.category} onChange=${set("category")}>
        <option value="">${t("report.choose")}</option>
        ${CATEGORIES.map((c) => html`<option value=${c}>${t(`category.${c}`)}</option>`)}
      </select><//>
    <${Field} id="report-what" label=${t("report.what")} error=${err("title")}>
      <input id="report-what" required maxlength="100" value=${form.title} onInput=${set("title")} /><//>
    <${Field} id="report-details" label=${t("report.details")} error=${err("description")}>
      <textarea id="report-details" required rows="3" maxlength="4000" value=${form.description} onInput=${set("description")}></textarea><//>
    <h2>${t("report.where")}</h2>
    <${CommunityPlan} buildings=${directory.buildings} selected=${form.building_id} onSelect=${pickBuilding} />
    <${Field} id="report-building" label=${t("report.building")} error=${err("location.building_id")}>
      <select id="report-building" required value=${form.building_id} onChange=${(e) => pickBuilding(e.target.value)}>
        <option value="">${t("report.choose")}</option>
        ${directory.buildings.map((b) => html`<option value=${b.id}>${t("map.building", { number: b.number })}</option>`)}
      </select><//>
    <${Field} id="report-unit" label=${t("report.unit")} hint=${t("report.unitHint")} error=${err("location.unit_id")}>
      <select id="report-unit" value=${form.unit_id} onChange=${set("unit_id")}>
        <option value="">${t("report.noUnit")}</option>
        ${units.map((u) => html`<option value=${u.id}>${u.number}</option>`)}
      </select><//>
    <${MeToo} communityId=${me.home.community_id} category=${form.category} buildingId=${form.building_id} />
    <${Field} id="report-photo" label=${t("report.photo")} hint=${t("report.photoHint")} error=${photoError || err("photos")}>
      <input id="report-photo" type="file" accept=${PHOTO_TYPES.join(",")} capture="environment"
        onChange=${(e) => setPhoto(e.target.files[0] || null)} /><//>
    <button type="submit" class="primary" disabled=${state.busy || Boolean(photoError)}>${t("report.send")}</button>
    ${state.busy && html`<${SubmitStatus} state=${state} />`}
    ${formError(state.error, FIELDS) && html`<p class="state error" role="alert">${formError(state.error, FIELDS)}</p>`}
    ${state.error?.status === 422 && html`<p class="visually-hidden" role="alert">${state.error.message}</p>`}
  </form>`;
}

export function Report() {
  const home = useLoad(loadHome);
  return html`<${Loaded} state=${home}>${({ me, directory }) => (me.home
    ? html`<${ReportForm} me=${me} directory=${directory} />` : html`<p>${t("resident.noHome")}</p>`)}<//>`;
}
