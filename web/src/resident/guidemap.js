// The life-circle map: the 37° space in the middle, rings for 5, 10 and 15 minutes' walk,
// and each place drawn where it lies (metres east and north of the space), all in SVG.
import { html } from "../shared/html.js";
import { t } from "../shared/i18n.js";

const METRES_PER_MINUTE = 75;
const SIZE = 340;
const SCALE = (SIZE / 2 - 10) / (15 * METRES_PER_MINUTE);

function offset(place, centre) {
  const north = (place.lat - centre.lat) * 111_320;
  const east = (place.lng - centre.lng) * 111_320 * Math.cos((centre.lat * Math.PI) / 180);
  const clip = (v) => Math.max(-SIZE / 2 + 8, Math.min(SIZE / 2 - 8, v));
  return { x: SIZE / 2 + clip(east * SCALE), y: SIZE / 2 - clip(north * SCALE) };
}

/** Places (with lat/lng) around `centre`; `selected` is highlighted. */
export function GuideMap({ places, centre, selected }) {
  return html`<figure class="plan">
    <svg viewBox=${`0 0 ${SIZE} ${SIZE}`} role="img" aria-label=${t("guide.map")}>
      ${[15, 10, 5].map((m) => html`<circle cx=${SIZE / 2} cy=${SIZE / 2} r=${m * METRES_PER_MINUTE * SCALE} class="ring" />
        <text x=${SIZE / 2 + 4} y=${SIZE / 2 - m * METRES_PER_MINUTE * SCALE + 12} class="ring-label">${t("guide.minutes", { n: m })}</text>`)}
      <rect x=${SIZE / 2 - 7} y=${SIZE / 2 - 7} width="14" height="14" class="space-37" />
      ${places.map((p, i) => {
        const { x, y } = offset(p, centre);
        return html`<g class=${`pin${selected === p.id ? " on" : ""}`}><circle cx=${x} cy=${y} r="9" />
          <text x=${x} y=${y + 4} text-anchor="middle">${i + 1}</text></g>`;
      })}
    </svg>
    <figcaption class="hint">${t("guide.caption")}</figcaption>
  </figure>`;
}
