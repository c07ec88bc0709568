// The kiosk front end: see ../resident for the shape of an app.
import "../shared/style.css";
import { html } from "../shared/html.js";
import { t } from "../shared/i18n.js";
import { boot, Shell } from "../shared/ui.js";

boot(() => html`<${Shell} title=${t("app.name")}><h1>${t("app.name")}</h1><//>`);
