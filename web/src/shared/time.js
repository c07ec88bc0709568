// Times are stored in UTC and shown in Asia/Shanghai (UTC+8 all year, no daylight saving).
import { locale } from "./i18n.js";

const ZONE = "Asia/Shanghai";
const OFFSET = "+08:00";

export function showTime(iso, options = { dateStyle: "medium", timeStyle: "short" }) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, ...options }).format(new Date(iso));
}

export function showDate(iso) {
  return showTime(iso, { year: "numeric", month: "long", day: "numeric", weekday: "short" });
}

export function showClock(iso) {
  return showTime(iso, { hour: "2-digit", minute: "2-digit", hour12: false });
}

/** A `datetime-local` input's value (read as Shanghai time; seconds optional) as an ISO 8601 UTC string. */
export function fromShanghaiInput(value) {
  return value ? new Date(`${value.length === 16 ? `${value}:00` : value}${OFFSET}`).toISOString() : null;
}

/** An ISO time as a `datetime-local` input value in Shanghai time. */
export function toShanghaiInput(iso) {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 16);
}

/** Midnight of the Shanghai day `days` from today, as a UTC ISO string. */
export function shanghaiDayStart(days = 0) {
  const now = new Date(Date.now() + 8 * 3600 * 1000);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  return new Date(day.getTime() - 8 * 3600 * 1000).toISOString();
}
