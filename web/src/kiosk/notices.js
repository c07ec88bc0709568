// Current announcements for everyone in the community, refreshed with the board.
import { html } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { showTime } from "../shared/time.js";
import { Empty, ErrorState, Loading } from "../shared/ui.js";
import { kioskApi } from "./device.js";
import { REFRESH_MS, usePolled } from "./services.js";

export function Notices() {
  const state = usePolled(() => kioskApi("/kiosk/announcements"), REFRESH_MS);
  return html`<section aria-labelledby="notices-title" class="kiosk-panel kiosk-notices">
    <h2 id="notices-title">${t("kiosk.notices.title")}</h2>
    ${!state.data && state.error ? html`<${ErrorState} error=${state.error} />`
      : !state.data ? html`<${Loading} />`
      : !state.data.items.length ? html`<${Empty} text=${t("kiosk.notices.none")} />`
      : html`<ul class="kiosk-sessions">${state.data.items.map((n) => html`<li class="kiosk-notice">
          <h3>${n.priority === "critical" && html`<span class="badge warn">${t("kiosk.notices.urgent")}</span> `}${n.title}</h3>
          <p>${n.body}</p><p class="hint">${showTime(n.created_at)}</p></li>`)}</ul>`}
  </section>`;
}
