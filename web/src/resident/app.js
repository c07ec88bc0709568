// Routes of the resident app: a phone-first nav of the main screens, the rest under "More".
import { logout, session } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, t } from "../shared/i18n.js";
import { LoginForm } from "../shared/login.js";
import { go, match, useRoute } from "../shared/router.js";
import { terms } from "../shared/terms.js";
import { Shell } from "../shared/ui.js";
import { forgetMe } from "./data.js";
import { messages } from "./messages.js";
import { Bookings } from "./screens/bookings.js";
import { CaseDetail, Cases } from "./screens/cases.js";
import { Guide } from "./screens/guide.js";
import { Home } from "./screens/home.js";
import { Register } from "./screens/register.js";
import { Report } from "./screens/report.js";
import { Shop } from "./screens/shop.js";
import { Resource, Space } from "./screens/space.js";
import { Survey, Surveys } from "./screens/surveys.js";
import { Vote, Votes } from "./screens/votes.js";
import { Volunteer } from "./screens/volunteer.js";
import "./resident.css";

addMessages(terms);
addMessages(messages);

const SCREENS = {
  "/": Home, "/report": Report, "/cases": Cases, "/cases/:id": CaseDetail, "/space": Space, "/space/:id": Resource,
  "/bookings": Bookings, "/surveys": Surveys, "/surveys/:id": Survey, "/votes": Votes, "/votes/:id": Vote,
  "/guide": Guide, "/shop": Shop, "/volunteer": Volunteer, "/more": More,
};
const MAIN = ["/", "/report", "/cases", "/space", "/more"];
const MORE = ["/bookings", "/surveys", "/votes", "/guide", "/volunteer", "/shop"];

function label(path) {
  return t(`nav.${path === "/" ? "home" : path.slice(1)}`);
}

function More() {
  return html`<h1>${t("nav.more")}</h1><ul class="list menu">${MORE.map((p) => html`<li><a href=${`#${p}`}>${label(p)}</a></li>`)}</ul>`;
}

export function App() {
  const [signedIn, setSignedIn] = useState(Boolean(session.get()));
  const path = useRoute();
  const signOut = async () => { await logout().catch(() => {}); forgetMe(); setSignedIn(false); go("/"); };
  if (!signedIn) {
    const page = path === "/register" ? html`<${Register} onDone=${() => { forgetMe(); go("/"); setSignedIn(true); }} />`
      : html`<${LoginForm} onDone=${() => { forgetMe(); setSignedIn(true); }} /><p class="narrow center"><a href="#/register">${t("register.link")}</a></p>`;
    return html`<${Shell} title=${t("resident.title")}>${page}<//>`;
  }
  const [pattern, params] = match(path, Object.keys(SCREENS));
  const Screen = SCREENS[pattern] || Home;
  const top = `/${path.split("/")[1] || ""}`;
  const active = MORE.includes(top) ? "/more" : top;
  const nav = MAIN.map((p) => ({ path: p, label: label(p) }));
  const actions = html`<button type="button" class="link" onClick=${signOut}>${t("auth.logout")}</button>`;
  return html`<${Shell} title=${t("resident.title")} nav=${nav} active=${active} actions=${actions}><${Screen} ...${params} key=${path} /><//>`;
}
