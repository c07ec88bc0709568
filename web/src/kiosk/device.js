// The kiosk's device token (typed once by staff, kept in localStorage) and the calls it may make.
import { api } from "../shared/api.js";

const TOKEN = "linli.kioskToken";

export const deviceToken = {
  get() { return localStorage.getItem(TOKEN) || ""; },
  save(token) { localStorage.setItem(TOKEN, token); },
  clear() { localStorage.removeItem(TOKEN); },
};

/** Call a kiosk operation of the gateway with this device's token. */
export function kioskApi(path, options = {}, token = deviceToken.get()) {
  return api(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Device ${token}` } });
}
