// The check-in pad: a booking's 6-digit code typed on the on-screen keypad or a keyboard.
import { html, useState } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { showClock } from "../shared/time.js";
import { kioskApi } from "./device.js";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

function outcome(error) {
  if (error.status === 404) return t("kiosk.checkin.unknown");
  if (error.status === 409) return t("kiosk.checkin.already");
  if (error.status === 422) return t("kiosk.checkin.sixDigits");
  return error.message;
}

export function CheckIn() {
  const [code, setCode] = useState("");
  const [result, setResult] = useState(null);
  const [busy, setBusy] = useState(false);
  const type = (digit) => setCode((c) => (c.length < 6 ? c + digit : c));
  const submit = async (event) => {
    event?.preventDefault();
    if (code.length !== 6) { setResult({ ok: false, text: t("kiosk.checkin.sixDigits") }); return; }
    setBusy(true);
    try {
      const done = await kioskApi("/kiosk/check-in", { method: "POST", body: { code } });
      setResult({ ok: true, text: t("kiosk.checkin.done", { name: done.resource_name || "",
        time: showClock(done.starts_at) }) });
      setCode("");
    } catch (error) {
      setResult({ ok: false, text: outcome(error) });
      setCode("");
    } finally {
      setBusy(false);
    }
  };
  return html`<section aria-labelledby="checkin-title" class="kiosk-panel kiosk-checkin">
    <h2 id="checkin-title">${t("kiosk.checkin.title")}</h2>
    <form onSubmit=${submit}>
      <label for="checkin-code">${t("kiosk.checkin.code")}</label>
      <input id="checkin-code" class="kiosk-code" inputmode="numeric" autocomplete="off" maxlength="6"
        value=${code} aria-describedby="checkin-hint"
        onInput=${(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))} />
      <p id="checkin-hint" class="hint">${t("kiosk.checkin.hint")}</p>
      <div class="kiosk-keypad" role="group" aria-label=${t("kiosk.checkin.keypad")}>
        ${KEYS.map((k) => html`<button type="button" onClick=${() => type(k)}>${k}</button>`)}
        <button type="button" onClick=${() => setCode("")}>${t("kiosk.checkin.clear")}</button>
        <button type="button" onClick=${() => type("0")}>0</button>
        <button type="button" aria-label=${t("kiosk.checkin.back")} onClick=${() => setCode((c) => c.slice(0, -1))}>⌫</button>
      </div>
      <button type="submit" class="primary kiosk-go" disabled=${busy}>${t("kiosk.checkin.submit")}</button>
    </form>
    <div class="kiosk-result" aria-live="assertive" role="status">
      ${result && html`<p class=${result.ok ? "kiosk-ok" : "kiosk-fail"}>${result.text}</p>`}
    </div>
  </section>`;
}
