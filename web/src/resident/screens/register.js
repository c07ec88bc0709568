// Register a new account in a community (then signed in at once).
import { api, login } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { locale, t } from "../../shared/i18n.js";
import { Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../../shared/ui.js";
import { items, loadDirectory } from "../data.js";
import { fieldError, formError } from "../forms.js";

const FIELDS = ["display_name", "phone", "password", "community_id", "unit_id"];

function Form({ communities, onDone }) {
  const [form, setForm] = useState({ display_name: "", phone: "", password: "", community_id: communities[0]?.id || "", building_id: "", unit_id: "" });
  const directory = useLoad(() => (form.community_id ? loadDirectory(form.community_id) : Promise.resolve(null)), [form.community_id]);
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (event) => {
    event.preventDefault();
    const body = { display_name: form.display_name.trim(), phone: form.phone.trim(), password: form.password,
      locale: locale(), community_id: form.community_id, unit_id: form.unit_id || null };
    const me = await run(async () => { await api("/auth/register", { method: "POST", body }); return login(body.phone, body.password); });
    if (me) onDone(me);
  };
  const err = (p) => fieldError(state.error, p);
  const units = (directory.data?.units || []).filter((u) => u.building_id === form.building_id);
  return html`<form class="card narrow" onSubmit=${submit} aria-labelledby="register-title" novalidate>
    <h1 id="register-title">${t("register.title")}</h1>
    <${Field} id="reg-name" label=${t("register.name")} error=${err("display_name")}>
      <input id="reg-name" autocomplete="name" required value=${form.display_name} onInput=${set("display_name")} /><//>
    <${Field} id="reg-phone" label=${t("register.phone")} error=${err("phone")}>
      <input id="reg-phone" type="tel" autocomplete="tel" required value=${form.phone} onInput=${set("phone")} /><//>
    <${Field} id="reg-password" label=${t("auth.password")} hint=${t("register.passwordHint")} error=${err("password")}>
      <input id="reg-password" type="password" autocomplete="new-password" required value=${form.password} onInput=${set("password")} /><//>
    <${Field} id="reg-community" label=${t("register.community")} error=${err("community_id")}>
      <select id="reg-community" value=${form.community_id} onChange=${set("community_id")}>
        ${communities.map((c) => html`<option value=${c.id}>${locale() === "en" && c.name_en ? c.name_en : c.name}</option>`)}</select><//>
    <${Field} id="reg-building" label=${t("report.building")}>
      <select id="reg-building" value=${form.building_id} onChange=${(e) => setForm({ ...form, building_id: e.target.value, unit_id: "" })}>
        <option value="">${t("report.choose")}</option>
        ${(directory.data?.buildings || []).map((b) => html`<option value=${b.id}>${t("map.building", { number: b.number })}</option>`)}</select><//>
    <${Field} id="reg-unit" label=${t("report.unit")} error=${err("unit_id")}>
      <select id="reg-unit" value=${form.unit_id} onChange=${set("unit_id")}>
        <option value="">${t("report.noUnit")}</option>${units.map((u) => html`<option value=${u.id}>${u.number}</option>`)}</select><//>
    <button type="submit" class="primary" disabled=${state.busy}>${t("register.send")}</button>
    ${state.busy && html`<${SubmitStatus} state=${state} />`}
    ${formError(state.error, FIELDS) && html`<p class="state error" role="alert">${formError(state.error, FIELDS)}</p>`}
    <p><a href="#/">${t("register.haveAccount")}</a></p>
  </form>`;
}

export function Register({ onDone }) {
  const communities = useLoad(() => api("/communities"));
  return html`<${Loaded} state=${communities}>${(answer) => html`<${Form} communities=${items(answer)} onDone=${onDone} />`}<//>`;
}
