// The deliberation hall (议事厅) for staff: topics with comments and support, the official answer
// and plan; open a topic from a cluster of residents' reports.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, t } from "../shared/i18n.js";
import { go } from "../shared/router.js";
import { showTime } from "../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { itemsOf } from "./names.js";
import { messages } from "./topics-messages.js";

addMessages(messages);

function buildingName(place, id) {
  const b = place.community.buildings?.find((x) => x.id === id);
  return b ? t("staff.building", { number: b.number }) : t("staff.topics.anyBuilding");
}

function OpenTopic({ place, from, onMade }) {
  const [title, setTitle] = useState(from ? t("staff.topics.fromCluster", { category: t(`category.${from.category}`),
    building: buildingName(place, from.building_id) }) : "");
  const [body, setBody] = useState(from ? from.titles.join("；") : "");
  const [state, run] = useSubmit();
  const submit = async (event) => {
    event.preventDefault();
    const topic = await run(() => api(`/communities/${place.community.id}/topics`, { method: "POST",
      body: { title: title.trim(), body, issue_ids: from ? from.issue_ids : [] } }));
    if (topic) onMade(topic);
  };
  const errors = state.error?.fields || {};
  return html`<form class="card" onSubmit=${submit} aria-labelledby="topic-new">
    <h2 id="topic-new">${t("staff.topics.new")}</h2>
    ${from && html`<p>${t("staff.topics.reports", { n: from.issue_ids.length })}</p>`}
    <${Field} id="topic-title" label=${t("staff.topics.titleField")} error=${errors.title?.join(" ")}>
      <input id="topic-title" required value=${title} onInput=${(e) => setTitle(e.target.value)} /><//>
    <${Field} id="topic-body" label=${t("staff.topics.body")} error=${errors.body?.join(" ")}>
      <textarea id="topic-body" rows="3" value=${body} onInput=${(e) => setBody(e.target.value)}></textarea><//>
    <button type="submit" class="primary" disabled=${state.busy}>${t("staff.topics.open")}</button>
    <${SubmitStatus} state=${{ ...state, done: false }} />
  </form>`;
}

function Clusters({ place, onPick }) {
  const clusters = useLoad(() => api(`/communities/${place.community.id}/report-clusters?sort=-count&limit=10`));
  return html`<section aria-labelledby="clusters"><h2 id="clusters">${t("staff.topics.clusters")}</h2>
    <${Loaded} state=${clusters}>${(data) => (!itemsOf(data).length ? html`<${Empty} text=${t("staff.topics.noClusters")} />` : html`
      <ul class="list">${itemsOf(data).map((c) => {
        const label = `${t(`category.${c.category}`)} · ${buildingName(place, c.building_id)}`;
        return html`<li><strong>${label}</strong> · ${t("staff.topics.reports", { n: c.count })}
          <p class="hint">${c.titles.join("；")}</p>
          <button type="button" onClick=${() => onPick(c)} aria-label=${t("staff.topics.startFrom", { label })}>${t("staff.topics.start")}</button></li>`;
      })}</ul>`)}<//></section>`;
}

export function Topics({ place }) {
  const list = useLoad(() => api(`/communities/${place.community.id}/topics?sort=-opened_at&limit=50`));
  const [from, setFrom] = useState(null);
  return html`<h1>${t("staff.topics.title")}</h1>
    <div class="columns">
      <section aria-labelledby="topic-list"><h2 id="topic-list">${t("staff.topics.list")}</h2>
        <${Loaded} state=${list}>${(data) => (!itemsOf(data).length ? html`<${Empty} />` : html`
          <ul class="list">${itemsOf(data).map((topic) => html`<li><a href=${`#/topics/${topic.id}`}>${topic.title}</a>
            <span class="hint"> · ${showTime(topic.opened_at)}</span></li>`)}</ul>`)}<//></section>
      <div>
        <${OpenTopic} place=${place} from=${from} key=${from ? from.issue_ids.join() : "blank"}
          onMade=${(topic) => go(`/topics/${topic.id}`)} />
        <${Clusters} place=${place} onPick=${setFrom} />
      </div>
    </div>`;
}

function Answer({ topic, onDone }) {
  const [answer, setAnswer] = useState(topic.answer?.answer || "");
  const [plan, setPlan] = useState(topic.answer?.plan || "");
  const [state, run] = useSubmit();
  const submit = async (event) => {
    event.preventDefault();
    if (await run(() => api(`/topics/${topic.id}/answer`, { method: "POST", body: { answer, plan } }))) onDone();
  };
  const errors = state.error?.fields || {};
  return html`<form class="card" onSubmit=${submit} aria-labelledby="answer-title">
    <h2 id="answer-title">${topic.answer ? t("staff.topic.replace") : t("staff.topic.publish")}</h2>
    <${Field} id="answer-text" label=${t("staff.topic.answer")} error=${errors.answer?.join(" ")}>
      <textarea id="answer-text" rows="4" required value=${answer} onInput=${(e) => setAnswer(e.target.value)}></textarea><//>
    <${Field} id="answer-plan" label=${t("staff.topic.plan")} error=${errors.plan?.join(" ")}>
      <textarea id="answer-plan" rows="3" value=${plan} onInput=${(e) => setPlan(e.target.value)}></textarea><//>
    <button type="submit" class="primary" disabled=${state.busy}>${t("staff.topic.send")}</button>
    <${SubmitStatus} state=${state} />
  </form>`;
}

export function Topic({ id }) {
  const topic = useLoad(() => api(`/topics/${id}`), [id]);
  return html`<p><a href="#/topics">${t("staff.topics.back")}</a></p>
    <${Loaded} state=${topic}>${(data) => html`<h1>${data.title}</h1>
      ${data.body && html`<p>${data.body}</p>`}
      <p>${t("staff.topic.facts", { supporters: data.supporters, comments: data.comments.length, reports: data.issue_ids.length })}</p>
      ${data.answer && html`<section class="card" aria-labelledby="official"><h2 id="official">${t("staff.topic.official")}</h2>
        <p>${data.answer.answer}</p>${data.answer.plan && html`<p><strong>${t("staff.topic.plan")}：</strong>${data.answer.plan}</p>`}
        <p class="hint">${showTime(data.answer.at)}</p></section>`}
      <section aria-labelledby="comments"><h2 id="comments">${t("staff.topic.comments")}</h2>
        ${data.comments.length ? html`<ul class="list">${data.comments.map((c) => html`<li>
          <p>${c.text}</p><p class="hint">${t("staff.topic.by", { who: c.account_id.slice(-4) })} · ${showTime(c.at)}</p></li>`)}</ul>`
          : html`<${Empty} text=${t("staff.topic.noComments")} />`}</section>
      <${Answer} topic=${data} onDone=${topic.reload} />`}<//>`;
}
