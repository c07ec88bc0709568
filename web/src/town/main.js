// The town dashboard: the three rates, overdue cases and volunteer hours across the town's communities.
import "../shared/style.css";
import { boot } from "../shared/ui.js";
import { App } from "./app.js";

boot(App);
