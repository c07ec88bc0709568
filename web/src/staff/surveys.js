// Surveys: build one (four kinds of question, target, per household/person), results, demand CSV.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { go } from "../shared/router.js";
import { showTime } from "../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { BuildingChecks } from "./audience.js";
import { buildingName, gridName, itemsOf } from "./names.js";

const KINDS = ["single", "multiple", "number", "text"];

export function Surveys({ place }) {
  const surveys = useLoad(() => api(`/communities/${place.community.id}/surveys`), []);
  return html`<h1>${t("staff.surveys.title")}</h1>
    <div class="columns">
      <section aria-labelledby="survey-list"><h2 id="survey-list">${t("staff.surveys.list")}</h2>
        <${Loaded} state=${surveys}>${(data) => (itemsOf(data).length ? html`<ul class="list">${itemsOf(data).map((s) => html`<li>
          <a href=${`#/surveys/${s.id}`}>${s.title}</a> <small>${showTime(s.created_at)}</small></li>`)}</ul>` : html`<${Empty} />`)}<//></section>
      <section aria-labelledby="survey-new"><h2 id="survey-new">${t("staff.surveys.new")}</h2><${SurveyForm} place=${place} /></section>
    </div>`;
}

function QuestionFields({ index, question, onChange, errors }) {
  const set = (name) => (e) => onChange({ ...question, [name]: e.target.value });
  const id = `q${index}`;
  return html`<fieldset class="card"><legend>${t("staff.survey.question", { n: index + 1 })}</legend>
    <${Field} id=${`${id}-prompt`} label=${t("staff.survey.prompt")} error=${errors?.prompt?.join(" ")}>
      <input id=${`${id}-prompt`} required value=${question.prompt} onInput=${set("prompt")} /><//>
    <${Field} id=${`${id}-kind`} label=${t("staff.survey.kind")}>
      <select id=${`${id}-kind`} value=${question.kind} onChange=${set("kind")}>
        ${KINDS.map((k) => html`<option value=${k}>${t(`kind.${k}`)}</option>`)}</select><//>
    ${["single", "multiple"].includes(question.kind) && html`<${Field} id=${`${id}-options`} label=${t("staff.survey.options")}
      hint=${t("staff.survey.optionsHint")} error=${errors?.options?.join(" ")}>
      <input id=${`${id}-options`} required value=${question.options} onInput=${set("options")} /><//>`}
  </fieldset>`;
}

function surveyBody(form) {
  const questions = form.questions.map((q, i) => ({
    key: `q${i + 1}`, kind: q.kind, prompt: q.prompt, required: true,
    ...(["single", "multiple"].includes(q.kind) ? { options: q.options.split(/[,，]/).map((o) => o.trim()).filter(Boolean) } : {}),
    ...(q.kind === "number" ? { min: 0 } : {}),
  }));
  const target = form.buildings.length ? { scope: "buildings", building_ids: form.buildings } : { scope: "community" };
  return { title: form.title, description: form.description, per: form.per, questions, target };
}

function SurveyForm({ place }) {
  const blank = { prompt: "", kind: "single", options: "" };
  const [form, setForm] = useState({ title: "", description: "", per: "household", buildings: [], questions: [{ ...blank }] });
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const setQuestion = (i) => (q) => setForm({ ...form, questions: form.questions.map((old, j) => (j === i ? q : old)) });
  const submit = async (e) => {
    e.preventDefault();
    const survey = await run(() => api(`/communities/${place.community.id}/surveys`, { method: "POST", body: surveyBody(form) }));
    if (survey) go(`/surveys/${survey.id}`);
  };
  const errors = state.error?.fields || {};
  return html`<form onSubmit=${submit} aria-labelledby="survey-new">
    <${Field} id="survey-title" label=${t("staff.survey.title")} error=${errors.title?.join(" ")}>
      <input id="survey-title" required value=${form.title} onInput=${set("title")} /><//>
    <${Field} id="survey-description" label=${t("staff.survey.description")}>
      <textarea id="survey-description" rows="2" value=${form.description} onInput=${set("description")}></textarea><//>
    <${Field} id="survey-per" label=${t("staff.survey.per")}>
      <select id="survey-per" value=${form.per} onChange=${set("per")}>
        <option value="household">${t("per.household")}</option><option value="person">${t("per.person")}</option></select><//>
    <${BuildingChecks} legend=${t("staff.survey.target")} community=${place.community} chosen=${form.buildings}
      onChange=${(buildings) => setForm({ ...form, buildings })} />
    ${form.questions.map((q, i) => html`<${QuestionFields} index=${i} question=${q} onChange=${setQuestion(i)} errors=${errors.questions?.[i]} />`)}
    <p class="row"><button type="button" onClick=${() => setForm({ ...form, questions: [...form.questions, { ...blank }] })}>${t("staff.survey.addQuestion")}</button>
      <button type="submit" class="primary" disabled=${state.busy}>${t("staff.survey.publish")}</button></p>
    <${SubmitStatus} state=${state} />
  </form>`;
}

async function download(id) {
  const blob = await api(`/surveys/${id}/demand.csv`, { as: "blob" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `demand-${id}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function SurveyDetail({ id, place }) {
  const data = useLoad(() => Promise.all([api(`/surveys/${id}`), api(`/surveys/${id}/results`)]), [id]);
  const [state, run] = useSubmit();
  return html`<${Loaded} state=${data}>${([survey, results]) => html`
    <p><a href="#/surveys">${t("staff.surveys.back")}</a></p>
    <h1>${survey.title}</h1>
    <p>${t("staff.survey.respondents", { n: results.respondents })}</p>
    <p><button type="button" onClick=${() => run(() => download(id))} disabled=${state.busy}>${t("staff.survey.csv")}</button></p>
    <${SubmitStatus} state=${{ ...state, done: false }} />
    <${ResultTable} caption=${t("staff.survey.byBuilding")} survey=${survey} groups=${results.buildings}
      name=${(key) => buildingName(place.community, key)} />
    <${ResultTable} caption=${t("staff.survey.byGrid")} survey=${survey} groups=${results.grids}
      name=${(key) => gridName(place.community, key)} />`}<//>`;
}

function columnsOf(survey) {
  return survey.questions.flatMap((q) => (["single", "multiple"].includes(q.kind)
    ? q.options.map((o) => ({ label: `${q.prompt}: ${o}`, cell: (a) => a[q.key]?.[o] ?? 0 }))
    : q.kind === "number" ? [{ label: `${q.prompt} (${t("staff.survey.sum")})`, cell: (a) => a[q.key]?.sum ?? 0 }]
      : [{ label: `${q.prompt} (${t("staff.survey.answered")})`, cell: (a) => a[q.key]?.answered ?? 0 }]));
}

function ResultTable({ caption, survey, groups, name }) {
  const cols = columnsOf(survey);
  const keys = Object.keys(groups);
  if (!keys.length) return html`<h2>${caption}</h2><${Empty} text=${t("staff.survey.noAnswers")} />`;
  return html`<h2>${caption}</h2><table><caption class="visually-hidden">${caption}</caption>
    <thead><tr><th scope="col">${t("staff.survey.group")}</th><th scope="col">${t("staff.survey.count")}</th>
      ${cols.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
    <tbody>${keys.map((key) => html`<tr><th scope="row">${name(key)}</th><td>${groups[key].respondents}</td>
      ${cols.map((c) => html`<td>${c.cell(groups[key].answers)}</td>`)}</tr>`)}</tbody></table>`;
}
