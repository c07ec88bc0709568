// Checkbox groups for choosing buildings and grids (surveys and announcements).
import { html } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { gridName } from "./names.js";

function toggle(list, id, on) {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

export function BuildingChecks({ legend, community, chosen, onChange }) {
  return html`<fieldset class="checks"><legend>${legend}</legend>
    ${community.buildings.map((b) => html`<label><input type="checkbox" checked=${chosen.includes(b.id)}
      onChange=${(e) => onChange(toggle(chosen, b.id, e.target.checked))} /> ${t("staff.building", { number: b.number })}</label>`)}
  </fieldset>`;
}

export function GridChecks({ legend, community, chosen, onChange }) {
  return html`<fieldset class="checks"><legend>${legend}</legend>
    ${community.grids.map((g) => html`<label><input type="checkbox" checked=${chosen.includes(g.id)}
      onChange=${(e) => onChange(toggle(chosen, g.id, e.target.checked))} /> ${gridName(community, g.id)}</label>`)}
  </fieldset>`;
}
