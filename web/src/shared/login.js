// The sign-in form every signed-in front end shows first; `onDone(me)` gets GET /me.
import { login } from "./api.js";
import { html, useState } from "./html.js";
import { t } from "./i18n.js";
import { Field, SubmitStatus, useSubmit } from "./ui.js";

export function LoginForm({ onDone, hint }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [state, run] = useSubmit();
  const submit = async (event) => {
    event.preventDefault();
    const me = await run(() => login(name.trim(), password));
    if (me) onDone(me);
  };
  return html`<form class="card narrow" onSubmit=${submit} aria-labelledby="login-title">
    <h1 id="login-title">${t("auth.login")}</h1>
    <${Field} id="login-name" label=${t("auth.account")}>
      <input id="login-name" name="login" autocomplete="username" required value=${name}
        onInput=${(e) => setName(e.target.value)} />
    <//>
    <${Field} id="login-password" label=${t("auth.password")}>
      <input id="login-password" name="password" type="password" autocomplete="current-password" required
        value=${password} onInput=${(e) => setPassword(e.target.value)} />
    <//>
    ${hint && html`<p class="hint">${hint}</p>`}
    <button type="submit" class="primary" disabled=${state.busy}>${t("auth.login")}</button>
    <${SubmitStatus} state=${{ ...state, done: false }} />
  </form>`;
}
