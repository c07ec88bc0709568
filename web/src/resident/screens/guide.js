// The life-circle guide: places within a 15-minute walk by category, on the map, and the wall shops' coupons.
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { showDate } from "../../shared/time.js";
import { Empty, Loaded, useLoad, useLocale, useSubmit } from "../../shared/ui.js";
import { cachedGet, items, loadMe, named } from "../data.js";
import { GuideMap } from "../guidemap.js";

const CATEGORIES = ["clinic", "market", "school", "pharmacy", "transport"];
const SPACE_37 = { lat: 31.2443, lng: 121.3948 };

function Places({ communityId }) {
  const code = useLocale();
  const [category, setCategory] = useState("");
  const places = useLoad(() => cachedGet(`/communities/${communityId}/places?max_minutes=15${category ? `&category=${category}` : ""}`), [category]);
  return html`<section aria-labelledby="places-title"><h2 id="places-title">${t("guide.places")}</h2>
    <div class="row" role="group" aria-label=${t("guide.category")}>
      ${["", ...CATEGORIES].map((c) => html`<button type="button" aria-pressed=${category === c ? "true" : "false"}
        onClick=${() => setCategory(c)}>${c ? t(`place.${c}`) : t("guide.all")}</button>`)}
    </div>
    <${Loaded} state=${places}>${(answer) => {
      const list = items(answer);
      return html`<${GuideMap} places=${list} centre=${SPACE_37} />
        ${list.length ? html`<ol class="list">${list.map((p) => html`<li><strong>${named(p, code)}</strong>
          <span class="badge">${t(`place.${p.category}`)}</span>
          <p class="hint">${t("guide.walk", { minutes: Math.round(p.walk_minutes), metres: p.walk_m })} · ${p.address} · ${p.hours || ""}</p></li>`)}</ol>`
          : html`<${Empty} text=${t("guide.none")} />`}`;
    }}<//></section>`;
}

function Coupons({ communityId }) {
  const coupons = useLoad(() => api(`/communities/${communityId}/coupons`));
  const mine = useLoad(() => api("/me/coupons"));
  const [state, run] = useSubmit();
  const claim = (id) => run(() => api(`/communities/${communityId}/coupons/${id}/claim`, { method: "POST", body: {} }))
    .then(() => { coupons.reload(); mine.reload(); });
  return html`<section aria-labelledby="coupons-title"><h2 id="coupons-title">${t("guide.coupons")}</h2>
    <${Loaded} state=${coupons}>${(answer) => (items(answer).length ? html`<ul class="list">${items(answer).map((c) => html`<li>
      <strong>${c.title}</strong> <span class="hint">${c.shop_name}</span>
      <p class="hint">${t("guide.left", { n: c.left })}</p>
      <button type="button" onClick=${() => claim(c.id)} disabled=${state.busy || c.left < 1}
        aria-label=${t("guide.claimOf", { title: c.title })}>${t("guide.claim")}</button></li>`)}</ul>`
      : html`<${Empty} text=${t("guide.noCoupons")} />`)}<//>
    ${state.error && html`<p class="state error" role="alert">${state.error.message}</p>`}
    <h2 id="mine-title">${t("guide.mine")}</h2>
    <${Loaded} state=${mine}>${(answer) => (items(answer).length ? html`<ul class="list" aria-live="polite">${items(answer).map((c) => html`<li>
      <strong>${c.title}</strong> <span class="hint">${c.shop_name}</span>
      <p>${t("guide.code")} <strong class="code">${c.code}</strong> ${c.redeemed ? html`<span class="badge">${t("guide.redeemed")}</span>` : ""}</p>
      <p class="hint">${t("guide.until", { date: showDate(c.valid_until) })}</p></li>`)}</ul>`
      : html`<${Empty} text=${t("guide.noneClaimed")} />`)}<//></section>`;
}

export function Guide() {
  const me = useLoad(loadMe);
  return html`<h1>${t("guide.title")}</h1><p class="hint">${t("guide.intro")}</p>
    <${Loaded} state=${me}>${(data) => html`<${Places} communityId=${data.home.community_id} />
      <${Coupons} communityId=${data.home.community_id} />`}<//>`;
}
