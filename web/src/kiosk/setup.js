// First run: staff type the device token the staff console showed once; it is checked before it is kept.
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { Field, SubmitStatus, useSubmit } from "../shared/ui.js";
import { deviceToken, kioskApi } from "./device.js";

export function Setup({ onDone }) {
  const [token, setToken] = useState("");
  const [state, run] = useSubmit();
  const submit = async (event) => {
    event.preventDefault();
    const who = await run(() => kioskApi("/kiosk", {}, token.trim()));
    if (who) { deviceToken.save(token.trim()); onDone(who); }
  };
  return html`<form class="card narrow kiosk-setup" onSubmit=${submit} aria-labelledby="setup-title">
    <h1 id="setup-title">${t("kiosk.setup.title")}</h1>
    <p>${t("kiosk.setup.intro")}</p>
    <${Field} id="device-token" label=${t("kiosk.setup.token")} hint=${t("kiosk.setup.hint")}>
      <input id="device-token" required autocomplete="off" spellcheck="false" value=${token}
        aria-describedby="device-token-hint" onInput=${(e) => setToken(e.target.value)} />
    <//>
    <button type="submit" class="primary" disabled=${state.busy}>${t("kiosk.setup.save")}</button>
    <${SubmitStatus} state=${{ ...state, done: false }} />
  </form>`;
}
