export const messages = {
  "zh-CN": { "resident.title": "邻里", "resident.home": "首页", "resident.hello": "{name}，您好" },
  en: { "resident.title": "Linli", "resident.home": "Home", "resident.hello": "Hello, {name}" },
};
