// Votes of the owners' assembly: cast or change my unit's ballot; the Article 278 result once closed.
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { showTime } from "../../shared/time.js";
import { Empty, Loaded, SubmitStatus, percent, useLoad, useSubmit } from "../../shared/ui.js";
import { hasRole, items, loadMe } from "../data.js";

const CHOICES = ["for", "against", "abstain"];

function share(fraction) {
  const [a, b] = String(fraction).split("/").map(Number);
  return percent(b ? a / b : a);
}

export function Votes() {
  const list = useLoad(async () => items(await api(`/communities/${(await loadMe()).home.community_id}/votes`)));
  return html`<h1>${t("votes.title")}</h1>
    <${Loaded} state=${list}>${(all) => (all.length ? html`<ul class="list">${all.map((v) => html`<li>
      <a href=${`#/votes/${v.id}`}>${v.question}</a> <span class="badge">${t(`vote.status.${v.status}`)}</span>
      <p class="hint">${t("votes.closes", { time: showTime(v.closes_at) })}</p></li>`)}</ul>`
      : html`<${Empty} text=${t("votes.none")} />`)}<//>`;
}

function Ballot({ vote }) {
  const mine = useLoad(() => api(`/votes/${vote.id}/my-ballot`).catch((e) => (e.status === 404 ? null : Promise.reject(e))));
  const [choice, setChoice] = useState("");
  const [state, run] = useSubmit();
  const submit = (current) => async (event) => {
    event.preventDefault();
    if (await run(() => api(`/votes/${vote.id}/ballots`, { method: "POST", body: { choice, replaces: current?.version ?? null } }))) mine.reload();
  };
  return html`<${Loaded} state=${mine}>${(current) => html`<form class="card" onSubmit=${submit(current)} aria-labelledby="ballot-title">
    <h2 id="ballot-title">${current ? t("votes.change") : t("votes.cast")}</h2>
    ${current && html`<p role="status">${t("votes.yours", { choice: t(`vote.choice.${current.choice}`), time: showTime(current.cast_at) })}</p>`}
    <fieldset><legend>${vote.question}</legend>
      ${CHOICES.map((c) => html`<label class="choice"><input type="radio" name="choice" value=${c} checked=${choice === c}
        onChange=${() => setChoice(c)} /> ${t(`vote.choice.${c}`)}</label>`)}</fieldset>
    <button type="submit" class="primary" disabled=${!choice || state.busy}>${current ? t("votes.changeSend") : t("votes.send")}</button>
    <${SubmitStatus} state=${state} /></form>`}<//>`;
}

function Result({ result }) {
  const row = (label, part) => html`<tr><th scope="row">${label}</th><td>${part?.units ?? 0}</td><td>${part?.area_m2 ?? 0}</td>
    <td>${part?.units_share != null ? share(part.units_share) : "—"}</td><td>${part?.area_share != null ? share(part.area_share) : "—"}</td></tr>`;
  return html`<section aria-labelledby="result-title"><h2 id="result-title">${t("votes.result")}</h2>
    <p><strong>${t(`vote.outcome.${result.outcome}`)}</strong> · ${result.special ? t("votes.special") : t("votes.ordinary")}</p>
    <p class="hint">${t("votes.rule", { majority: result.special ? t("votes.threeQuarters") : t("votes.half") })}</p>
    <table><caption>${t("votes.figures")}</caption>
      <thead><tr><th scope="col"></th><th scope="col">${t("votes.units")}</th><th scope="col">${t("votes.area")}</th>
        <th scope="col">${t("votes.unitsShare")}</th><th scope="col">${t("votes.areaShare")}</th></tr></thead>
      <tbody>${row(t("votes.total"), result.total)}${row(t("votes.participating"), result.participating)}
        ${CHOICES.map((c) => row(t(`vote.choice.${c}`), result[c]))}</tbody></table>
    <p>${result.quorate ? t("votes.quorate") : t("votes.notQuorate")}</p></section>`;
}

export function Vote({ id }) {
  const data = useLoad(async () => ({ me: await loadMe(), vote: await api(`/votes/${id}`) }), [id]);
  return html`<p><a href="#/votes">${t("common.back")}</a></p><${Loaded} state=${data}>${({ me, vote }) => html`
    <h1>${vote.question}</h1>${vote.description && html`<p>${vote.description}</p>`}
    <p><span class="badge">${t(`vote.status.${vote.status}`)}</span> ${t("votes.window", { from: showTime(vote.opens_at), to: showTime(vote.closes_at) })}</p>
    ${vote.status === "open" && (hasRole(me, "owner") ? html`<${Ballot} vote=${vote} />` : html`<p class="hint">${t("votes.ownersOnly")}</p>`)}
    ${vote.result && html`<${Result} result=${vote.result} />`}`}<//>`;
}
