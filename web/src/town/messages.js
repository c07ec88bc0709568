// The town dashboard's strings; both languages name the same keys.
import { terms } from "../shared/terms.js";

export const messages = {
  "zh-CN": { ...terms["zh-CN"], "town.title": "邻里 · 街镇看板", "town.heading": "{town}各居民区对比",
    "town.notAdmin": "此账号不是街镇管理员", "town.table": "明细", "town.community": "居民区" },
  en: { ...terms.en, "town.title": "Linli · Town dashboard", "town.heading": "{town}: communities compared",
    "town.notAdmin": "This account is not a town administrator", "town.table": "Figures", "town.community": "Community" },
};
