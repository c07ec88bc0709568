// Hash routes (`#/cases/42`): the gateway serves one index.html per app, so no server routes.
import { useEffect, useState } from "./html.js";

function current() {
  return location.hash.replace(/^#/, "") || "/";
}

/** Match `path` against patterns like "/cases/:id"; returns [pattern, params] or [null, {}]. */
export function match(path, patterns) {
  for (const pattern of patterns) {
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return "([^/]+)"; })}$`);
    const found = path.split("?")[0].match(regex);
    if (found) return [pattern, Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])]))];
  }
  return [null, {}];
}

export function useRoute() {
  const [path, setPath] = useState(current());
  useEffect(() => {
    const changed = () => { setPath(current()); window.scrollTo(0, 0); };
    addEventListener("hashchange", changed);
    return () => removeEventListener("hashchange", changed);
  }, []);
  return path;
}

export function go(path) {
  location.hash = path;
}
