// The staff console (desktop). Screens live in ./*.js; strings in ./messages.js.
import "../shared/style.css";
import "./staff.css";
import { boot } from "../shared/ui.js";
import { App } from "./app.js";

boot(App);
