// The audit log: who did what, newest first, page by page.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { showTime } from "../shared/time.js";
import { Empty, Loaded, useLoad } from "../shared/ui.js";

export function Audit({ place }) {
  const [cursor, setCursor] = useState(null);
  const page = useLoad(() => api(`/communities/${place.community.id}/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), [cursor]);
  return html`<h1>${t("staff.audit.title")}</h1>
    <${Loaded} state=${page}>${(data) => (!data.items.length ? html`<${Empty} />` : html`
      <table><caption class="visually-hidden">${t("staff.audit.title")}</caption>
        <thead><tr><th scope="col">${t("staff.audit.at")}</th><th scope="col">${t("staff.audit.who")}</th>
          <th scope="col">${t("staff.audit.what")}</th><th scope="col">${t("staff.audit.status")}</th></tr></thead>
        <tbody>${data.items.map((e) => html`<tr><td>${showTime(e.at)}</td><td>${e.display_name}</td>
          <td><code>${e.method} ${e.path}</code></td><td>${e.status}</td></tr>`)}</tbody></table>
      ${data.next && html`<p><button type="button" onClick=${() => setCursor(data.next)}>${t("common.more")}</button></p>`}`)}<//>`;
}
