// The shop's screen: redeem the code a resident shows, once only.
import { api } from "../../shared/api.js";
import { html, useState } from "../../shared/html.js";
import { t } from "../../shared/i18n.js";
import { Field, useSubmit } from "../../shared/ui.js";
import { fieldError } from "../forms.js";

export function Shop() {
  const [code, setCode] = useState("");
  const [state, run] = useSubmit();
  const [redeemed, setRedeemed] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    setRedeemed(null);
    setRedeemed(await run(() => api("/coupons/redeem", { method: "POST", body: { code: code.trim().toUpperCase() } })) || null);
  };
  return html`<form class="card narrow" onSubmit=${submit} aria-labelledby="shop-title">
    <h1 id="shop-title">${t("shop.title")}</h1>
    <${Field} id="shop-code" label=${t("shop.code")} hint=${t("shop.codeHint")} error=${fieldError(state.error, "code")}>
      <input id="shop-code" required autocomplete="off" autocapitalize="characters" value=${code} onInput=${(e) => setCode(e.target.value)} /><//>
    <button type="submit" class="primary" disabled=${state.busy}>${t("shop.redeem")}</button>
    <div aria-live="polite" role="status">${redeemed && html`<p class="state ok">${t("shop.done", { title: redeemed.title })}</p>`}</div>
    ${state.error && !fieldError(state.error, "code") && html`<p class="state error" role="alert">${state.error.message}</p>`}
  </form>`;
}
