// Home: announcements and my inbox, kept live by the gateway's event stream.
import { api, session } from "../../shared/api.js";
import { html, useEffect, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { showTime } from "../../shared/time.js";
import { Empty, Loaded, useLoad } from "../../shared/ui.js";
import { items, loadMe } from "../data.js";

/** Reload `reload` whenever the stream says something new arrived; returns how many arrived. */
export function useLive(reload) {
  const [arrived, setArrived] = useState(0);
  useEffect(() => {
    const token = session.get()?.access_token;
    if (!token || typeof EventSource === "undefined") return undefined;
    const source = new EventSource(`/api/v1/stream?access_token=${encodeURIComponent(token)}`);
    const hint = () => { setArrived((n) => n + 1); reload(); };
    source.addEventListener("inbox", hint);
    source.addEventListener("case", hint);
    return () => source.close();
  }, []);
  return arrived;
}

function Item({ item, onRead }) {
  const [read, setRead] = useState(Boolean(item.read_at));
  const [error, setError] = useState(null);
  const mark = () => api(`/me/notifications/${item.id}/read`, { method: "POST" })
    .then(() => { setRead(true); onRead(); }, setError);
  return html`<li class=${read ? "read" : "unread"}>
    <h3 class="item-title">${!read && html`<span class="badge warn">${t("inbox.new")}</span> `}${item.title}</h3>
    ${item.body && html`<p>${item.body}</p>`}
    <p class="hint"><time datetime=${item.created_at}>${showTime(item.created_at)}</time>
      ${item.subject?.type === "issue" && html` · <a href=${`#/cases/${item.subject.id}`}>${t("cases.open")}</a>`}</p>
    ${!read && html`<button type="button" onClick=${mark} aria-label=${t("inbox.markReadOf", { title: item.title })}>${t("inbox.markRead")}</button>`}
    ${error && html`<p class="state error" role="alert">${error.message}</p>`}
  </li>`;
}

function Section({ title, id, list, reload }) {
  return html`<section aria-labelledby=${id}><h2 id=${id}>${title}</h2>
    ${list.length ? html`<ul class="list">${list.map((item) => html`<${Item} key=${item.id} item=${item} onRead=${() => {}} />`)}</ul>`
      : html`<${Empty} text=${t("inbox.empty")} />`}</section>`;
}

export function Home() {
  const me = useLoad(loadMe);
  const inbox = useLoad(() => api("/me/notifications?limit=30"));
  const arrived = useLive(inbox.reload);
  return html`<${Loaded} state=${me}>${(data) => html`
    <h1>${t("resident.hello", { name: data.account.display_name })}</h1>
    <p class="visually-hidden" role="status" aria-live="polite">${arrived ? t("inbox.arrived", { n: arrived }) : ""}</p>
    <${Loaded} state=${inbox}>${(answer) => {
      const all = items(answer);
      const notices = all.filter((i) => i.subject?.type === "announcement");
      return html`<${Section} id="notices" title=${t("inbox.notices")} list=${notices} reload=${inbox.reload} />
        <${Section} id="inbox" title=${t("inbox.title")} list=${all.filter((i) => !notices.includes(i))} reload=${inbox.reload} />`;
    }}<//>`}<//>`;
}
