// Surveys to answer: each question by its kind (one choice, several, a number, text).
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { showDate } from "../../shared/time.js";
import { Empty, Loaded, SubmitStatus, useLoad, useSubmit } from "../../shared/ui.js";
import { items, loadMe } from "../data.js";
import { fieldError } from "../forms.js";

export function Surveys() {
  const list = useLoad(async () => items(await api(`/communities/${(await loadMe()).home.community_id}/surveys`)));
  return html`<h1>${t("surveys.title")}</h1>
    <${Loaded} state=${list}>${(all) => (all.length ? html`<ul class="list">${all.map((s) => html`<li>
      <a href=${`#/surveys/${s.id}`}>${s.title}</a>
      ${s.closes_at && html`<p class="hint">${t("surveys.closes", { date: showDate(s.closes_at) })}</p>`}</li>`)}</ul>`
      : html`<${Empty} text=${t("surveys.none")} />`)}<//>`;
}

function Question({ q, value, onChange, error }) {
  const id = `q-${q.key}`;
  const legend = html`${q.prompt}${q.required ? html` <span class="hint">(${t("common.required")})</span>` : ""}`;
  const errorLine = error && html`<small class="field-error" role="alert">${error}</small>`;
  if (q.kind === "single" || q.kind === "multiple") {
    const many = q.kind === "multiple";
    const toggle = (option) => onChange(many
      ? ((value || []).includes(option) ? value.filter((o) => o !== option) : [...(value || []), option]) : option);
    return html`<fieldset class="field"><legend>${legend}</legend>
      ${(q.options || []).map((option) => html`<label><input type=${many ? "checkbox" : "radio"} name=${id}
        checked=${many ? (value || []).includes(option) : value === option} onChange=${() => toggle(option)} /> ${option}</label>`)}
      ${errorLine}</fieldset>`;
  }
  return html`<div class="field"><label for=${id}>${legend}</label>
    ${q.kind === "number"
      ? html`<input id=${id} type="number" min=${q.min ?? undefined} max=${q.max ?? undefined} value=${value ?? ""}
          onInput=${(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))} />`
      : html`<textarea id=${id} rows="2" value=${value ?? ""} onInput=${(e) => onChange(e.target.value)}></textarea>`}
    ${errorLine}</div>`;
}

export function Survey({ id }) {
  const survey = useLoad(() => api(`/surveys/${id}`), [id]);
  const [answers, setAnswers] = useState({});
  const [state, run] = useSubmit();
  const submit = (event) => {
    event.preventDefault();
    const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)));
    run(() => api(`/surveys/${id}/answers`, { method: "POST", body: { answers: given } }));
  };
  return html`<p><a href="#/surveys">${t("common.back")}</a></p><${Loaded} state=${survey}>${(s) => html`
    <form class="card" onSubmit=${submit} aria-labelledby="survey-title">
      <h1 id="survey-title">${s.title}</h1>${s.description && html`<p>${s.description}</p>`}
      <p class="hint">${s.per === "household" ? t("surveys.perHousehold") : t("surveys.perPerson")}</p>
      ${s.questions.map((q) => html`<${Question} key=${q.key} q=${q} value=${answers[q.key]}
        error=${fieldError(state.error, `answers.${q.key}`)} onChange=${(v) => setAnswers({ ...answers, [q.key]: v })} />`)}
      ${state.done ? html`<p class="state ok" role="status">${t("surveys.thanks")}</p>`
        : html`<button type="submit" class="primary" disabled=${state.busy}>${t("common.submit")}</button>`}
      ${state.busy && html`<${SubmitStatus} state=${state} />`}
      ${state.error && html`<p class="state error" role="alert">${state.error.message}</p>`}
    </form>`}<//>`;
}
