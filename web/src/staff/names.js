// Names from the community's directory in the current language (buildings, grids, units).
import { locale, t } from "../shared/i18n.js";

export function nameOf(item) {
  if (!item) return "—";
  return locale() === "en" && item.name_en ? item.name_en : item.name;
}

export function buildingName(community, id) {
  const building = community.buildings.find((b) => b.id === id);
  return building ? t("staff.building", { number: building.number }) : "—";
}

export function gridName(community, id) {
  return nameOf(community.grids.find((g) => g.id === id));
}

export function unitName(community, id) {
  const unit = community.units.find((u) => u.id === id);
  if (!unit) return id;
  return t("staff.unit", { building: community.buildings.find((b) => b.id === unit.building_id)?.number, unit: unit.number });
}

/** A list answer as an array, whether shaped `[...]` or `{items: [...]}`. */
export function itemsOf(answer) {
  return Array.isArray(answer) ? answer : answer?.items || [];
}
