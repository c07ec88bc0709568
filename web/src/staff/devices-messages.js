// Strings of the kiosk devices screen; both languages name the same keys.
const zh = {
  "staff.nav/devices": "自助屏",
  "staff.devices.title": "自助屏设备", "staff.devices.intro": "登记 37° 空间的自助屏；设备令牌只显示一次，请当场输入到自助屏上。",
  "staff.devices.new": "登记新设备", "staff.devices.name": "设备名称（放在哪里）", "staff.devices.register": "登记并生成令牌",
  "staff.devices.once": "已登记“{name}”。请把下面的设备令牌输入自助屏：离开本页后不再显示。",
  "staff.devices.token": "设备令牌", "staff.devices.list": "已登记的设备", "staff.devices.made": "登记时间",
  "staff.devices.state": "状态", "staff.devices.act": "操作", "staff.devices.active": "使用中",
  "staff.devices.revokedAt": "已于 {time} 停用", "staff.devices.revoke": "停用", "staff.devices.revokeOf": "停用“{name}”",
};

const en = {
  "staff.nav/devices": "Kiosks",
  "staff.devices.title": "Kiosk devices", "staff.devices.intro": "Register the 37° space's kiosks; a device token is shown only once, so type it into the kiosk right away.",
  "staff.devices.new": "Register a device", "staff.devices.name": "Device name (where it stands)", "staff.devices.register": "Register and make a token",
  "staff.devices.once": "“{name}” is registered. Type the device token below into the kiosk: it is not shown again after you leave this page.",
  "staff.devices.token": "Device token", "staff.devices.list": "Registered devices", "staff.devices.made": "Registered",
  "staff.devices.state": "State", "staff.devices.act": "Action", "staff.devices.active": "In use",
  "staff.devices.revokedAt": "Revoked {time}", "staff.devices.revoke": "Revoke", "staff.devices.revokeOf": "Revoke “{name}”",
};

export const messages = { "zh-CN": zh, en };
