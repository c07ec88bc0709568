// The resident app (phone-first PWA). Screens live in ./screens/; strings in ./messages.js.
import "../shared/style.css";
import { boot } from "../shared/ui.js";
import { App } from "./app.js";

boot(App);
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
