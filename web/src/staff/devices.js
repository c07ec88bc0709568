// Kiosk devices (community admin): register one (its token is shown once), list and revoke them.
import { api } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, t } from "../shared/i18n.js";
import { showTime } from "../shared/time.js";
import { Empty, Field, Loaded, SubmitStatus, useLoad, useSubmit } from "../shared/ui.js";
import { messages } from "./devices-messages.js";

addMessages(messages);

function Register({ base, onMade }) {
  const [name, setName] = useState("");
  const [made, setMade] = useState(null);
  const [state, run] = useSubmit();
  const submit = async (event) => {
    event.preventDefault();
    const device = await run(() => api(base, { method: "POST", body: { name: name.trim() } }));
    if (device) { setMade(device); setName(""); onMade(); }
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="device-new">
    <h2 id="device-new">${t("staff.devices.new")}</h2>
    <${Field} id="device-name" label=${t("staff.devices.name")} error=${state.error?.fields?.name?.join(" ")}>
      <input id="device-name" required maxlength="60" value=${name} onInput=${(e) => setName(e.target.value)} />
    <//>
    <button type="submit" class="primary" disabled=${state.busy}>${t("staff.devices.register")}</button>
    <${SubmitStatus} state=${{ ...state, done: false }} />
    ${made && html`<div class="state ok" role="status">
      <p>${t("staff.devices.once", { name: made.name })}</p>
      <p><label for="device-token-once">${t("staff.devices.token")}</label>
        <input id="device-token-once" readonly value=${made.token} size="60" onFocus=${(e) => e.target.select()} /></p>
    </div>`}
  </form>`;
}

export function Devices({ place }) {
  const base = `/communities/${place.community.id}/kiosk-devices`;
  const list = useLoad(() => api(base));
  const [state, run] = useSubmit();
  const revoke = (device) => run(() => api(`${base}/${device.id}`, { method: "DELETE" })).then(list.reload);
  return html`<h1>${t("staff.devices.title")}</h1>
    <p>${t("staff.devices.intro")}</p>
    <${Register} base=${base} onMade=${list.reload} />
    <h2>${t("staff.devices.list")}</h2>
    <${SubmitStatus} state=${{ ...state, done: false }} />
    <${Loaded} state=${list}>${(data) => (!data.items.length ? html`<${Empty} />` : html`
      <table><caption class="visually-hidden">${t("staff.devices.list")}</caption>
        <thead><tr><th scope="col">${t("staff.devices.name")}</th><th scope="col">${t("staff.devices.made")}</th>
          <th scope="col">${t("staff.devices.state")}</th><th scope="col">${t("staff.devices.act")}</th></tr></thead>
        <tbody>${data.items.map((d) => html`<tr><td>${d.name}</td><td>${showTime(d.created_at)}</td>
          <td>${d.revoked_at ? t("staff.devices.revokedAt", { time: showTime(d.revoked_at) }) : t("staff.devices.active")}</td>
          <td>${!d.revoked_at && html`<button type="button" onClick=${() => revoke(d)}
            aria-label=${t("staff.devices.revokeOf", { name: d.name })}>${t("staff.devices.revoke")}</button>`}</td></tr>`)}
        </tbody></table>`)}<//>`;
}
