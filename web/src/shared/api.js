// The one way a front end talks to Linli: the gateway's public REST API, nothing else.
import { locale } from "./i18n.js";

const SESSION = "linli.session";

export const session = {
  get() {
    try { return JSON.parse(localStorage.getItem(SESSION)) || null; } catch { return null; }
  },
  save(tokens) { localStorage.setItem(SESSION, JSON.stringify(tokens)); },
  clear() { localStorage.removeItem(SESSION); },
};

/** A problem+json answer (RFC 9457) or a network failure, with a message to show as it is. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
  /** Field errors of a 422, as {field: [messages]}. */
  get fields() { return this.problem.errors || {}; }
}

function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

async function send(path, { method = "GET", body, headers = {}, key } = {}) {
  const auth = session.get();
  const all = { "Accept-Language": locale(), Accept: "application/json", ...headers };
  if (auth?.access_token && !headers.Authorization) all.Authorization = `Bearer ${auth.access_token}`;
  if (body !== undefined && !(body instanceof FormData)) all["Content-Type"] = "application/json";
  if (method === "POST") all["Idempotency-Key"] = key || newKey();
  const payload = body === undefined || body instanceof FormData ? body : JSON.stringify(body);
  try {
    return await fetch(`/api/v1${path}`, { method, headers: all, body: payload });
  } catch {
    throw new ApiError(0, { title: "offline", detail: locale() === "en"
      ? "No connection; please try again later" : "网络不通，请稍后再试" });
  }
}

async function refreshed() {
  const auth = session.get();
  if (!auth?.refresh_token) return false;
  const response = await send("/auth/refresh", { method: "POST", body: { refresh_token: auth.refresh_token } });
  if (!response.ok) { session.clear(); return false; }
  session.save(await response.json());
  return true;
}

/**
 * Call the gateway; resolves to the parsed JSON (or text for `as: "text"`, a Blob for
 * `as: "blob"`), throws ApiError with the server's own problem detail otherwise.
 * A POST keeps one Idempotency-Key across the retry after a token refresh.
 */
export async function api(path, options = {}) {
  const key = options.method === "POST" ? options.key || newKey() : undefined;
  let response = await send(path, { ...options, key });
  if (response.status === 401 && !path.startsWith("/auth/") && (await refreshed())) {
    response = await send(path, { ...options, key });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  if (options.as === "text") return response.text();
  if (options.as === "blob") return response.blob();
  return response.json();
}

export async function login(name, password) {
  session.save(await api("/auth/login", { method: "POST", body: { login: name, password } }));
  return api("/me");
}

export async function logout() {
  const auth = session.get();
  try {
    await api("/auth/logout", { method: "POST", body: { refresh_token: auth?.refresh_token } });
  } finally {
    session.clear();
  }
}
