// Owners' assembly votes: create, live turnout, paper ballots, close, the Article 278 tally.
import { api } from "../shared/api.js";
import { html, useEffect, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { go } from "../shared/router.js";
import { fromShanghaiInput, showTime } from "../shared/time.js";
import { Empty, Field, Loaded, percent, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { BuildingChecks } from "./audience.js";
import { itemsOf, unitName } from "./names.js";

const MATTERS = ["ordinary", "raise_maintenance_funds", "rebuild", "change_common_parts_use", "business_on_common_parts"];
const CHOICES = ["for", "against", "abstain"];

export function Votes({ place }) {
  const votes = useLoad(() => api(`/communities/${place.community.id}/votes`), []);
  return html`<h1>${t("staff.votes.title")}</h1>
    <div class="columns">
      <section aria-labelledby="vote-list"><h2 id="vote-list">${t("staff.votes.list")}</h2>
        <${Loaded} state=${votes}>${(data) => (itemsOf(data).length ? html`<ul class="list">${itemsOf(data).map((v) => html`<li>
          <a href=${`#/votes/${v.id}`}>${v.question}</a> <span class="badge">${t(`vote.status.${v.status}`)}</span>
          <br /><small>${showTime(v.opens_at)} – ${showTime(v.closes_at)}</small></li>`)}</ul>` : html`<${Empty} />`)}<//></section>
      <section aria-labelledby="vote-new"><h2 id="vote-new">${t("staff.votes.new")}</h2><${VoteForm} place=${place} /></section>
    </div>`;
}

function VoteForm({ place }) {
  const [form, setForm] = useState({ question: "", description: "", matter: "ordinary", opens_at: "", closes_at: "", building_ids: [] });
  const [state, run] = useSubmit();
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    const { building_ids, ...rest } = form;
    const body = { ...rest, opens_at: fromShanghaiInput(form.opens_at), closes_at: fromShanghaiInput(form.closes_at),
      ...(building_ids.length ? { building_ids } : {}) };
    const vote = await run(() => api(`/communities/${place.community.id}/votes`, { method: "POST", body }));
    if (vote) go(`/votes/${vote.id}`);
  };
  const errors = state.error?.fields || {};
  const field = (name, label, input) => html`<${Field} id=${`vote-${name}`} label=${label} error=${errors[name]?.join(" ")}>${input}<//>`;
  return html`<form onSubmit=${submit} aria-labelledby="vote-new">
    ${field("question", t("staff.vote.question"), html`<input id="vote-question" required value=${form.question} onInput=${set("question")} />`)}
    ${field("description", t("staff.vote.description"), html`<textarea id="vote-description" rows="3" value=${form.description} onInput=${set("description")}></textarea>`)}
    ${field("matter", t("staff.vote.matter"), html`<select id="vote-matter" value=${form.matter} onChange=${set("matter")}>
      ${MATTERS.map((m) => html`<option value=${m}>${t(`matter.${m}`)}</option>`)}</select>`)}
    ${field("opens_at", t("staff.vote.opens"), html`<input id="vote-opens_at" type="datetime-local" step="1" required value=${form.opens_at} onInput=${set("opens_at")} />`)}
    ${field("closes_at", t("staff.vote.closes"), html`<input id="vote-closes_at" type="datetime-local" step="1" required value=${form.closes_at} onInput=${set("closes_at")} />`)}
    <${BuildingChecks} legend=${t("staff.vote.buildings")} community=${place.community} chosen=${form.building_ids}
      onChange=${(building_ids) => setForm({ ...form, building_ids })} />
    <button type="submit" class="primary" disabled=${state.busy}>${t("staff.votes.create")}</button><${SubmitStatus} state=${state} />
  </form>`;
}

/** Turnout re-read every few seconds while the vote is open. */
function useTurnout(vote) {
  const [turnout, setTurnout] = useState(null);
  useEffect(() => {
    let stop = false;
    const read = () => api(`/votes/${vote.id}/turnout`).then((data) => !stop && setTurnout(data), () => {});
    read();
    const timer = vote.status === "open" ? setInterval(read, 5000) : null;
    return () => { stop = true; if (timer) clearInterval(timer); };
  }, [vote.id, vote.status]);
  return turnout;
}

export function VoteDetail({ id, place }) {
  const vote = useLoad(() => api(`/votes/${id}`), [id]);
  return html`<${Loaded} state=${vote}>${(v) => html`
    <p><a href="#/votes">${t("staff.votes.back")}</a></p>
    <h1>${v.question}</h1>
    <p><span class="badge">${t(`vote.status.${v.status}`)}</span> ${t(`matter.${v.matter}`)} · ${showTime(v.opens_at)} – ${showTime(v.closes_at)}</p>
    <div class="columns">
      <section aria-labelledby="turnout"><h2 id="turnout">${t("staff.vote.turnout")}</h2><${Turnout} vote=${v} />
        ${v.status !== "closed" && html`<${CloseVote} vote=${v} onClosed=${vote.reload} />`}</section>
      ${v.status === "open" && html`<section aria-labelledby="paper"><h2 id="paper">${t("staff.vote.paper")}</h2>
        <${PaperBallot} vote=${v} community=${place.community} /></section>`}
    </div>
    ${v.result && html`<section aria-labelledby="tally"><h2 id="tally">${t("staff.vote.tally")}</h2><${Tally} result=${v.result} /></section>`}`}<//>`;
}

function Turnout({ vote }) {
  const turnout = useTurnout(vote);
  if (!turnout) return null;
  return html`<dl class="figures" aria-live="polite">
    <dt>${t("staff.vote.unitsVoted")}</dt><dd>${turnout.units_voted} / ${turnout.units_total}</dd>
    <dt>${t("staff.vote.areaVoted")}</dt><dd>${turnout.area_voted_m2} / ${turnout.area_total_m2} m²</dd>
  </dl>`;
}

function CloseVote({ vote, onClosed }) {
  const [state, run] = useSubmit();
  const close = async () => { if (await run(() => api(`/votes/${vote.id}/close`, { method: "POST" }))) onClosed(); };
  return html`<button type="button" onClick=${close} disabled=${state.busy}>${t("staff.vote.close")}</button><${SubmitStatus} state=${state} />`;
}

function PaperBallot({ vote, community }) {
  const [form, setForm] = useState({ unit: "", choice: "for" });
  const [state, run] = useSubmit();
  const submit = async (e) => {
    e.preventDefault();
    const unit = community.units.find((u) => unitName(community, u.id) === form.unit.trim());
    const body = { unit_id: unit ? unit.id : form.unit.trim(), choice: form.choice };
    await run(() => api(`/votes/${vote.id}/paper-ballots`, { method: "POST", body }));
  };
  const errors = state.error?.fields || {};
  return html`<form onSubmit=${submit} aria-labelledby="paper">
    <${Field} id="paper-unit" label=${t("staff.vote.unit")} hint=${t("staff.vote.unitHint")} error=${errors.unit_id?.join(" ")}>
      <input id="paper-unit" required value=${form.unit} onInput=${(e) => setForm({ ...form, unit: e.target.value })} /><//>
    <${Field} id="paper-choice" label=${t("staff.vote.choice")}>
      <select id="paper-choice" value=${form.choice} onChange=${(e) => setForm({ ...form, choice: e.target.value })}>
        ${CHOICES.map((c) => html`<option value=${c}>${t(`choice.${c}`)}</option>`)}</select><//>
    <button type="submit" disabled=${state.busy}>${t("staff.vote.enter")}</button><${SubmitStatus} state=${state} />
  </form>`;
}

/** An exact share ("3/4") with its percentage. */
function fraction(text) {
  const [top, bottom] = String(text).split("/").map(Number);
  return bottom ? `${text} ≈ ${percent(top / bottom)}` : percent(top || 0);
}

function Share({ part }) {
  return html`${part.units} · ${part.area_m2} m²${part.units_share ? html` (${fraction(part.units_share)} · ${fraction(part.area_share)})` : ""}`;
}

export function Tally({ result }) {
  return html`<p class=${`badge ${result.carried ? "" : "late"}`} role="status">${t(`outcome.${result.outcome}`)}</p>
    <dl class="figures">
      <dt>${t("staff.tally.rule")}</dt><dd>${t(result.special ? "staff.tally.special" : "staff.tally.ordinary")}</dd>
      <dt>${t("staff.tally.total")}</dt><dd>${result.total.units} · ${result.total.area_m2} m²</dd>
      <dt>${t("staff.tally.participating")}</dt><dd><${Share} part=${result.participating} /></dd>
      <dt>${t("staff.tally.quorate")}</dt><dd>${t(result.quorate ? "staff.yes" : "staff.no")}</dd>
      ${CHOICES.map((c) => result[c] && html`<dt>${t(`choice.${c}`)}</dt><dd><${Share} part=${result[c]} /></dd>`)}
      <dt>${t("staff.tally.carried")}</dt><dd>${t(result.carried ? "staff.yes" : "staff.no")}</dd>
    </dl>`;
}
