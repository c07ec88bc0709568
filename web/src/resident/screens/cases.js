// My cases: those I reported, joined or was merged into (GET /me/issues), each with its timeline and rating.
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { showTime } from "../../shared/time.js";
import { Empty, ErrorState, Field, Loaded, Loading, SubmitStatus, useLoad, useSubmit } from "../../shared/ui.js";
import { fieldError } from "../forms.js";

const PAGE = 20;

function CaseList({ first }) {
  const [pages, setPages] = useState([first]);
  const [more, run] = useSubmit();
  const next = pages[pages.length - 1].next;
  const loadMore = () => run(async () => {
    const page = await api(`/me/issues?limit=${PAGE}&cursor=${encodeURIComponent(next)}`);
    setPages((shown) => [...shown, page]);
    return page;
  });
  const list = pages.flatMap((page) => page.items);
  if (!list.length) return html`<${Empty} text=${t("cases.none")} />`;
  return html`<ul class="list">${list.map((c) => html`<li>
      <a href=${`#/cases/${c.id}`}>${c.title}</a> <span class="badge">${t(`status.${c.status}`)}</span>
      <p class="hint">${t(`category.${c.category}`)} · <time datetime=${c.created_at}>${showTime(c.created_at)}</time></p>
    </li>`)}</ul>
    ${next && html`<button type="button" onClick=${loadMore} disabled=${more.busy}>${t("common.more")}</button>`}
    ${more.busy && html`<${Loading} label=${t("common.more")} />`}
    ${more.error && html`<${ErrorState} error=${more.error} />`}`;
}

export function Cases() {
  const cases = useLoad(() => api(`/me/issues?limit=${PAGE}`));
  return html`<h1>${t("cases.title")}</h1>
    <p><a href="#/report">${t("report.title")}</a></p>
    <${Loaded} state=${cases}>${(first) => html`<${CaseList} first=${first} />`}<//>`;
}

function Rating({ issue }) {
  const [score, setScore] = useState("");
  const [comment, setComment] = useState("");
  const [state, run] = useSubmit();
  const submit = (event) => {
    event.preventDefault();
    run(() => api(`/issues/${issue.id}/rating`, { method: "POST", body: { score: Number(score), comment: comment.trim() || null } }));
  };
  if (state.done) return html`<p class="state ok" role="status">${t("rating.thanks")}</p>`;
  return html`<form class="card" onSubmit=${submit} aria-labelledby="rate-title">
    <h2 id="rate-title">${t("rating.title")}</h2>
    <fieldset class="stars"><legend>${t("rating.score")}</legend>
      ${[1, 2, 3, 4, 5].map((n) => html`<label><input type="radio" name="score" value=${n} checked=${score === String(n)}
        onChange=${() => setScore(String(n))} /> ${t("rating.n", { n })}</label>`)}
    </fieldset>
    ${fieldError(state.error, "score") && html`<p class="field-error" role="alert">${fieldError(state.error, "score")}</p>`}
    <${Field} id="rate-comment" label=${t("rating.comment")} error=${fieldError(state.error, "comment")}>
      <textarea id="rate-comment" rows="2" maxlength="1000" value=${comment} onInput=${(e) => setComment(e.target.value)}></textarea><//>
    <button type="submit" class="primary" disabled=${!score || state.busy}>${t("rating.send")}</button>
    <${SubmitStatus} state=${state} />
  </form>`;
}

export function CaseDetail({ id }) {
  const issue = useLoad(() => api(`/issues/${id}`), [id]);
  return html`<p><a href="#/cases">${t("common.back")}</a></p><${Loaded} state=${issue}>${(c) => html`
    <h1>${c.title}</h1>
    <p><span class="badge">${t(`status.${c.status}`)}</span> ${t(`category.${c.category}`)}
      ${c.party && html` · ${t(`party.${c.party}`)}`}</p>
    <p>${c.description}</p>
    ${c.rejection_reason && html`<p class="state error">${c.rejection_reason}</p>`}
    <h2>${t("cases.timeline")}</h2>
    <ol class="timeline">${(c.timeline || []).map((step) => html`<li>
      <strong>${t(`status.${step.status}`)}</strong> <time datetime=${step.at}>${showTime(step.at)}</time>
      ${step.note && html`<p>${step.note}</p>`}</li>`)}</ol>
    ${c.status === "resolved" && html`<${Rating} issue=${c} />`}`}<//>`;
}
