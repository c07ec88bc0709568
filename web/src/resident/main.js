// The resident app (phone-first PWA). Screens live in ./screens/; strings in ./messages.js.
import "../shared/style.css";
import { boot } from "../shared/ui.js";
import { App } from "./app.js";

boot(App);
// The offline shell is registered after the first screen has loaded, so it never competes with it.
if ("serviceWorker" in navigator) {
  addEventListener("load", () => setTimeout(() => navigator.serviceWorker.register("/sw.js").catch(() => {}), 2000));
}
