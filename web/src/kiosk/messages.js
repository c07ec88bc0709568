// The kiosk's strings; both languages name the same keys.
const zh = {
  "kiosk.title": "邻里 · 37° 空间自助屏",
  "kiosk.welcome": "{community} · 37° 空间",
  "kiosk.setup.title": "设置自助屏",
  "kiosk.setup.intro": "请社区管理员在工作台“自助屏”页登记本设备，把显示的设备令牌输入一次即可。",
  "kiosk.setup.token": "设备令牌", "kiosk.setup.hint": "以 kiosk_ 开头，只显示一次", "kiosk.setup.save": "保存并启用",
  "kiosk.services.title": "今天和下周二的服务",
  "kiosk.services.hours": "志愿者时段：{hours}", "kiosk.services.full": "已约满",
  "kiosk.services.freeCount": "还有 {n} 个空档", "kiosk.services.turns": "{name} 可预约时间",
  "kiosk.services.none": "这一天没有安排服务",
  "kiosk.updated": "更新于 {time}，每 30 秒自动刷新", "kiosk.stale": "暂时无法刷新，显示的是上次的信息",
  "kiosk.checkin.title": "预约签到", "kiosk.checkin.code": "签到码（6 位数字）",
  "kiosk.checkin.hint": "签到码在“我的预约”里；开始前 30 分钟起可签到",
  "kiosk.checkin.keypad": "数字键盘", "kiosk.checkin.clear": "清除", "kiosk.checkin.back": "删除一位",
  "kiosk.checkin.submit": "签到", "kiosk.checkin.sixDigits": "请输入 6 位数字签到码",
  "kiosk.checkin.done": "签到成功：{name}，{time} 开始。欢迎！",
  "kiosk.checkin.unknown": "没有找到现在可以签到的预约，请核对签到码（开始前 30 分钟起可签到）",
  "kiosk.checkin.already": "这个预约已经签到过了",
  "kiosk.notices.title": "社区公告", "kiosk.notices.none": "近两周没有公告", "kiosk.notices.urgent": "紧急",
};

const en = {
  "kiosk.title": "Linli · 37° space kiosk",
  "kiosk.welcome": "{community} · 37° space",
  "kiosk.setup.title": "Set up this kiosk",
  "kiosk.setup.intro": "The community admin registers this device on the staff console's Kiosks page; type the device token shown there once.",
  "kiosk.setup.token": "Device token", "kiosk.setup.hint": "Starts with kiosk_; shown only once", "kiosk.setup.save": "Save and start",
  "kiosk.services.title": "Services today and next Tuesday",
  "kiosk.services.hours": "Volunteers: {hours}", "kiosk.services.full": "Fully booked",
  "kiosk.services.freeCount": "Free turns: {n}", "kiosk.services.turns": "Free times of {name}",
  "kiosk.services.none": "No service on this day",
  "kiosk.updated": "Updated at {time}; refreshes every 30 seconds", "kiosk.stale": "Cannot refresh now; showing the last information",
  "kiosk.checkin.title": "Check in", "kiosk.checkin.code": "Check-in code (6 digits)",
  "kiosk.checkin.hint": "Your code is under My bookings; check-in opens 30 minutes before the start",
  "kiosk.checkin.keypad": "Keypad", "kiosk.checkin.clear": "Clear", "kiosk.checkin.back": "Delete a digit",
  "kiosk.checkin.submit": "Check in", "kiosk.checkin.sixDigits": "Please enter the 6-digit check-in code",
  "kiosk.checkin.done": "Checked in: {name}, starting {time}. Welcome!",
  "kiosk.checkin.unknown": "No booking can be checked in now with this code; please check it (check-in opens 30 minutes before the start)",
  "kiosk.checkin.already": "This booking is already checked in",
  "kiosk.notices.title": "Announcements", "kiosk.notices.none": "No announcements in the last two weeks", "kiosk.notices.urgent": "Urgent",
};

export const messages = { "zh-CN": zh, en };
