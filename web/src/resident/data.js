// What most screens need once per session: me, my home community and its plan, cached.
import { api } from "../shared/api.js";

let mine = null;
const directories = new Map();
const ME = "linli.me";
const PLAN = "linli.directory.";

function stored(key) {
  try { return JSON.parse(localStorage.getItem(key)); } catch { return null; }
}

/** `fetch()` kept in localStorage: a returning resident sees the last copy at once while it refreshes. */
function revalidated(key, fetch) {
  const fresh = fetch().then((value) => { localStorage.setItem(key, JSON.stringify(value)); return value; });
  const last = stored(key);
  if (!last) return fresh;
  fresh.catch(() => {});
  return Promise.resolve(last);
}

/** A GET that rarely changes (resources, places): the last copy at once, refreshed for next time. */
export function cachedGet(path) {
  return revalidated(`linli.get.${path}`, () => api(path));
}

/** GET /me with my first membership as `home` (cached until sign-out). */
export function loadMe() {
  mine ||= revalidated(ME, () => api("/me")).then((me) => ({ ...me, home: me.memberships[0] || null })).catch((error) => {
    mine = null;
    throw error;
  });
  return mine;
}

export function forgetMe() {
  mine = null;
  Object.keys(localStorage).filter((k) => k === ME || k.startsWith("linli.get.")).forEach((k) => localStorage.removeItem(k));
}

/** The community's directory: buildings, units and grids (cached). */
export function loadDirectory(communityId) {
  if (!directories.has(communityId)) {
    directories.set(communityId, revalidated(PLAN + communityId, () => api(`/communities/${communityId}`)).catch((error) => {
      directories.delete(communityId);
      throw error;
    }));
  }
  return directories.get(communityId);
}

/** Me and my home community's directory together. */
export async function loadHome() {
  const me = await loadMe();
  if (!me.home) return { me, directory: null };
  return { me, directory: await loadDirectory(me.home.community_id) };
}

export function hasRole(me, role) {
  return Boolean(me.home?.roles?.includes(role));
}

/** Items of a list answer, whether `{items}` or a bare array. */
export function items(answer) {
  return Array.isArray(answer) ? answer : answer?.items || [];
}

/** The resource or place name in the current language. */
export function named(thing, code) {
  return (code === "en" && thing.name_en) || thing.name;
}
