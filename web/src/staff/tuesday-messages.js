// Strings of the Tuesday services screen; both languages name the same keys.
const zh = {
  "staff.nav/tuesday": "相约星期二",
  "staff.tuesday.title": "相约星期二", "staff.tuesday.intro": "安排一天的志愿服务和所需技能；有相应技能的志愿者报名后，居民才能预约这个时段。",
  "staff.tuesday.new": "安排服务日", "staff.tuesday.day": "日期", "staff.tuesday.needs": "需要的志愿者",
  "staff.tuesday.need": "{skill}（人）", "staff.tuesday.create": "安排并开放报名", "staff.tuesday.made": "刚安排的班次",
  "staff.tuesday.defaultTitle": "相约星期二", "staff.tuesday.defaultPlace": "37°便民空间",
};

const en = {
  "staff.nav/tuesday": "Tuesday services",
  "staff.tuesday.title": "Tuesday services", "staff.tuesday.intro": "Schedule a day of volunteer services and the skills it needs; residents can book a time only once a volunteer with the skill has signed up.",
  "staff.tuesday.new": "Schedule a service day", "staff.tuesday.day": "Date", "staff.tuesday.needs": "Volunteers needed",
  "staff.tuesday.need": "{skill} (people)", "staff.tuesday.create": "Schedule and open sign-up", "staff.tuesday.made": "Just scheduled",
  "staff.tuesday.defaultTitle": "Tuesday services", "staff.tuesday.defaultPlace": "37° service space",
};

export const messages = { "zh-CN": zh, en };
