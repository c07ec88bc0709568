// The community's own plan as SVG (no online tiles). The directory has no plan coordinates, so
// buildings are laid out deterministically by number: rows of six, like the demo compound.
import { html } from "../shared/html.js";
import { t } from "../shared/i18n.js";

const COLUMNS = 6;
const CELL_W = 60;
const CELL_H = 46;

function position(building) {
  const index = Math.max(0, (building.number || 1) - 1);
  return { x: 10 + (index % COLUMNS) * CELL_W, y: 10 + Math.floor(index / COLUMNS) * CELL_H };
}

function keyed(onSelect, id) {
  return (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); onSelect(id); }
  };
}

/** The plan; tapping (or Enter/Space on) a building calls onSelect(building_id). */
export function CommunityPlan({ buildings, selected, onSelect, label }) {
  const rows = Math.ceil(Math.max(1, ...buildings.map((b) => b.number || 1)) / COLUMNS);
  return html`<figure class="plan">
    <svg viewBox=${`0 0 ${COLUMNS * CELL_W + 20} ${rows * CELL_H + 20}`} role="group" aria-label=${label || t("map.label")}>
      <rect x="2" y="2" width=${COLUMNS * CELL_W + 16} height=${rows * CELL_H + 16} class="plan-wall" />
      ${buildings.map((b) => {
        const { x, y } = position(b);
        const on = selected === b.id;
        return html`<g role="button" tabindex="0" aria-pressed=${on ? "true" : "false"}
            aria-label=${t("map.building", { number: b.number })} class=${`plan-building${on ? " on" : ""}${b.kind === "clubhouse" ? " club" : ""}`}
            onClick=${() => onSelect(b.id)} onKeyDown=${keyed(onSelect, b.id)}>
          <rect x=${x} y=${y} width=${CELL_W - 8} height=${CELL_H - 10} rx="4" />
          <text x=${x + (CELL_W - 8) / 2} y=${y + 23} text-anchor="middle">${b.number}</text>
        </g>`;
      })}
    </svg>
    <figcaption class="hint">${t("map.caption")}</figcaption>
  </figure>`;
}
