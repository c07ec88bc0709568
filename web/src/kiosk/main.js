// The kiosk front end: a large screen in the 37° space (1920×1080), read from two metres.
import "../shared/style.css";
import { boot } from "../shared/ui.js";
import { App } from "./app.js";

document.documentElement.classList.add("kiosk");
boot(App);
