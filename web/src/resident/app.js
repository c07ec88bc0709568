// Routes of the resident app.
import { api, session } from "../shared/api.js";
import { html, useState } from "../shared/html.js";
import { addMessages, t } from "../shared/i18n.js";
import { LoginForm } from "../shared/login.js";
import { useRoute } from "../shared/router.js";
import { Loaded, Shell, useLoad } from "../shared/ui.js";
import { messages } from "./messages.js";

addMessages(messages);

export function App() {
  const [signedIn, setSignedIn] = useState(Boolean(session.get()));
  const path = useRoute();
  const nav = [{ path: "/", label: t("resident.home") }];
  if (!signedIn) return html`<${Shell} title=${t("resident.title")}><${LoginForm} onDone=${() => setSignedIn(true)} /><//>`;
  return html`<${Shell} title=${t("resident.title")} nav=${nav} active=${path}><${Home} /><//>`;
}

function Home() {
  const me = useLoad(() => api("/me"));
  return html`<${Loaded} state=${me}>${(data) => html`<h1>${t("resident.hello", { name: data.account.display_name })}</h1>`}<//>`;
}
