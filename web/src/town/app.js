// One screen: every community of the town side by side, in charts and a table.
import { api, logout, session } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, locale, t } from "../shared/i18n.js";
import { LoginForm } from "../shared/login.js";
import { BarChart, Loaded, percent, Shell, useLoad } from "../shared/ui.js";
import { messages } from "./messages.js";

addMessages(messages);
const RATES = ["response_rate", "resolution_rate", "satisfaction_rate"];

export function App() {
  const [signedIn, setSignedIn] = useState(Boolean(session.get()));
  const actions = signedIn && html`<button type="button" class="link"
    onClick=${() => logout().finally(() => setSignedIn(false))}>${t("auth.logout")}</button>`;
  return html`<${Shell} title=${t("town.title")} actions=${actions}>
    ${signedIn ? html`<${Dashboard} />` : html`<${LoginForm} onDone=${() => setSignedIn(true)} />`}<//>`;
}

function named(item) {
  return locale() === "en" && item.name_en ? item.name_en : item.name;
}

/** The town of my town-admin membership, its communities, their rates and volunteer hours. */
async function loadTown() {
  const me = await api("/me");
  const membership = me.memberships.find((m) => m.roles.includes("town_admin"));
  if (!membership) return null;
  const { items } = await api("/communities");
  const town = items.find((c) => c.id === membership.community_id)?.town;
  const communities = items.filter((c) => c.town?.id === town?.id);
  const rates = await api(`/towns/${town.id}/case-rates`);
  const hours = await Promise.all(communities.map((c) => api(`/communities/${c.id}/hours`).then((h) => h.hours, () => null)));
  const rows = communities.map((c, i) => ({ community: c, hours: hours[i],
    rates: rates.groups.find((g) => g.community === c.id) || {} }));
  return { town, rows, total: rates.total };
}

function Dashboard() {
  const state = useLoad(loadTown);
  return html`<${Loaded} state=${state}>${(data) => (!data ? html`<h1>${t("town.notAdmin")}</h1>` : html`
    <h1>${t("town.heading", { town: named(data.town) })}</h1>
    <div class="grid">
      ${RATES.map((rate) => html`<${BarChart} title=${t(`rate.${rate}`)} format=${percent} max=${1}
        rows=${data.rows.map((r) => ({ label: named(r.community), value: r.rates[rate] ?? null }))} />`)}
      <${BarChart} title=${t("rate.overdue")} rows=${data.rows.map((r) => ({ label: named(r.community), value: r.rates.overdue ?? 0 }))} />
      <${BarChart} title=${t("rate.hours")} rows=${data.rows.map((r) => ({ label: named(r.community), value: r.hours }))} />
    </div>
    <${Table} rows=${data.rows} />`)}<//>`;
}

function Table({ rows }) {
  return html`<h2 id="town-table">${t("town.table")}</h2>
    <table aria-labelledby="town-table"><thead><tr><th scope="col">${t("town.community")}</th>
      <th scope="col">${t("rate.cases")}</th>${RATES.map((r) => html`<th scope="col">${t(`rate.${r}`)}</th>`)}
      <th scope="col">${t("rate.overdue")}</th><th scope="col">${t("rate.hours")}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><th scope="row">${named(r.community)}</th><td>${r.rates.cases ?? 0}</td>
      ${RATES.map((rate) => html`<td>${percent(r.rates[rate])}</td>`)}<td>${r.rates.overdue ?? 0}</td>
      <td>${r.hours ?? "—"}</td></tr>`)}</tbody></table>`;
}
