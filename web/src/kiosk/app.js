// The kiosk: set up once with a device token, then the service board and the check-in pad.
import { html, useState } from "../shared/html.js";
import { addMessages, t } from "../shared/i18n.js";
import { Loaded, Shell, useLoad } from "../shared/ui.js";
import { CheckIn } from "./checkin.js";
import { deviceToken, kioskApi } from "./device.js";
import { messages } from "./messages.js";
import { Notices } from "./notices.js";
import { Services } from "./services.js";
import { Setup } from "./setup.js";
import "./kiosk.css";

addMessages(messages);

function Board({ onRevoked }) {
  const device = useLoad(() => kioskApi("/kiosk").catch((error) => {
    if (error.status === 401) onRevoked(error);
    throw error;
  }));
  return html`<${Loaded} state=${device}>${(who) => html`
    <h1 class="kiosk-title">${t("kiosk.welcome", { community: who.community.name })}</h1>
    <div class="kiosk-grid"><div><${Services} /><${Notices} /></div><${CheckIn} /></div>`}<//>`;
}

export function App() {
  const [ready, setReady] = useState(Boolean(deviceToken.get()));
  const [notice, setNotice] = useState(null);
  const revoked = (error) => { deviceToken.clear(); setNotice(error.message); setReady(false); };
  return html`<${Shell} title=${t("kiosk.title")}>
    ${ready ? html`<${Board} onRevoked=${revoked} />` : html`
      ${notice && html`<p class="state error" role="alert">${notice}</p>`}
      <${Setup} onDone=${() => { setNotice(null); setReady(true); }} />`}
  <//>`;
}
