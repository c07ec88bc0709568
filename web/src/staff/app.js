// Routes of the staff console: one community's staff work, desktop first.
import { api, logout, session } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, t } from "../shared/i18n.js";
import { LoginForm } from "../shared/login.js";
import { match, useRoute } from "../shared/router.js";
import { Loaded, Shell, useLoad } from "../shared/ui.js";
import { Audit } from "./audit.js";
import { Bookings } from "./bookings.js";
import { CaseDetail, CaseQueue } from "./cases.js";
import { Devices } from "./devices.js";
import { Meeting } from "./meetings.js";
import { messages } from "./messages.js";
import { NoticeDetail, Notices } from "./notices.js";
import { Rates } from "./rates.js";
import { Shifts } from "./shifts.js";
import { Templates } from "./templates.js";
import { Topic, Topics } from "./topics.js";
import { Tuesday } from "./tuesday.js";
import { SurveyDetail, Surveys } from "./surveys.js";
import { VoteDetail, Votes } from "./votes.js";

addMessages(messages);

const STAFF = ["social_worker", "community_admin", "pm_staff", "oc_member"];
const SCREENS = {
  "/": CaseQueue, "/cases/:id": CaseDetail, "/meetings/:id": Meeting, "/rates": Rates,
  "/surveys": Surveys, "/surveys/:id": SurveyDetail, "/votes": Votes, "/votes/:id": VoteDetail,
  "/bookings": Bookings, "/shifts": Shifts, "/notices": Notices, "/notices/:id": NoticeDetail, "/audit": Audit,
  "/devices": Devices, "/tuesday": Tuesday, "/topics": Topics, "/topics/:id": Topic, "/templates": Templates,
};
const NAV = ["/", "/rates", "/surveys", "/votes", "/bookings", "/shifts", "/notices", "/audit", "/tuesday", "/topics", "/templates"];
const ADMIN_NAV = ["/devices"]; // the community admin's own screens

export function App() {
  const [signedIn, setSignedIn] = useState(Boolean(session.get()));
  if (!signedIn) {
    return html`<${Shell} title=${t("staff.title")}><${LoginForm} onDone=${() => setSignedIn(true)} /><//>`;
  }
  return html`<${Console} onLogout=${() => logout().finally(() => setSignedIn(false))} />`;
}

/** The staff member's community: the first membership with a staff role, with its directory. */
async function loadPlace() {
  const me = await api("/me");
  const membership = me.memberships.find((m) => m.roles.some((role) => STAFF.includes(role)));
  if (!membership) return { me, community: null };
  const community = await api(`/communities/${membership.community_id}`);
  return { me, roles: membership.roles, community };
}

function Console({ onLogout }) {
  const path = useRoute();
  const place = useLoad(loadPlace);
  const [pattern, params] = match(path, Object.keys(SCREENS));
  const active = [...NAV, ...ADMIN_NAV].filter((p) => p === "/" ? pattern === "/" || pattern === "/cases/:id" : path.startsWith(p)).pop();
  const admin = place.data?.roles?.includes("community_admin") ? ADMIN_NAV : [];
  const nav = [...NAV, ...admin].map((p) => ({ path: p, label: t(`staff.nav${p === "/" ? "/cases" : p}`) }));
  const actions = html`<button type="button" class="link" onClick=${onLogout}>${t("auth.logout")}</button>`;
  const Screen = SCREENS[pattern];
  return html`<${Shell} title=${t("staff.title")} nav=${nav} active=${active} actions=${actions}>
    <${Loaded} state=${place}>${(data) => (!data.community
      ? html`<h1>${t("staff.notStaff")}</h1>`
      : Screen ? html`<${Screen} ...${params} place=${data} />` : html`<h1>${t("staff.notFound")}</h1>`)}<//>
  <//>`;
}
