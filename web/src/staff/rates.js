// The three rates (response, resolution, satisfaction) by month, category and grid.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { locale, t } from "../shared/i18n.js";
import { BarChart, Field, Loaded, percent, useLoad } from "../shared/ui.js";
import { gridName } from "./names.js";

export const RATES = ["response_rate", "resolution_rate", "satisfaction_rate"];

/** The first instants of the last `count` Shanghai months, oldest first, and the next one. */
function months(count = 6) {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  return Array.from({ length: count + 1 }, (_, i) => {
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count + 1 + i, 1) - 8 * 3600 * 1000;
    return new Date(start).toISOString();
  });
}

async function loadRates(communityId) {
  const base = `/communities/${communityId}/case-rates`;
  const edges = months();
  const [category, grid, ...monthly] = await Promise.all([
    api(`${base}?by=category`), api(`${base}?by=grid`),
    ...edges.slice(0, -1).map((since, i) => api(`${base}?${new URLSearchParams({ since, until: edges[i + 1] })}`)),
  ]);
  return { category, grid, monthly: monthly.map((answer, i) => ({ start: edges[i], total: answer.total })) };
}

function monthLabel(iso) {
  return new Intl.DateTimeFormat(locale(), { timeZone: "Asia/Shanghai", year: "numeric", month: "short" }).format(new Date(iso));
}

export function Totals({ total }) {
  return html`<dl class="figures">
    ${RATES.map((rate) => html`<dt>${t(`rate.${rate}`)}</dt><dd>${percent(total[rate])}</dd>`)}
    <dt>${t("rate.cases")}</dt><dd>${total.cases}</dd>
    <dt>${t("rate.overdue")}</dt><dd>${total.overdue}</dd>
  </dl>`;
}

export function Rates({ place }) {
  const { community } = place;
  const [rate, setRate] = useState("response_rate");
  const rates = useLoad(() => loadRates(community.id), [community.id]);
  const label = t(`rate.${rate}`);
  return html`<h1>${t("staff.rates.title")}</h1>
    <${Loaded} state=${rates}>${(data) => html`
      <${Totals} total=${data.category.total} />
      <${Field} id="rate-pick" label=${t("staff.rates.pick")}>
        <select id="rate-pick" value=${rate} onChange=${(e) => setRate(e.target.value)}>
          ${RATES.map((r) => html`<option value=${r}>${t(`rate.${r}`)}</option>`)}</select><//>
      <div class="columns">
        <${BarChart} title=${t("staff.rates.byMonth", { rate: label })} format=${percent} max=${1}
          rows=${data.monthly.map((m) => ({ label: monthLabel(m.start), value: m.total[rate] }))} />
        <${BarChart} title=${t("staff.rates.byCategory", { rate: label })} format=${percent} max=${1}
          rows=${data.category.groups.map((g) => ({ label: t(`category.${g.category}`), value: g[rate] }))} />
        <${BarChart} title=${t("staff.rates.byGrid", { rate: label })} format=${percent} max=${1}
          rows=${data.grid.groups.map((g) => ({ label: gridName(community, g.grid), value: g[rate] }))} />
      </div>`}<//>`;
}
