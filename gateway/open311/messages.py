"""Open311's error descriptions in zh-CN, the default interface language (English is the key)."""

ZH_CN = {
    "jurisdiction_id is required: it is the id of a community.": "缺少 jurisdiction_id：请填写小区的 id。",
    "No such jurisdiction.": "没有这个辖区（小区）。",
    "service_code is required.": "缺少 service_code。",
    "No such service_code: {service_code}.": "没有这个 service_code：{service_code}。",
    "{name} may only hold: {allowed}.": "{name} 只能取：{allowed}。",
    "{name} must be a W3C date-time such as 2026-01-01T00:00:00Z.": "{name} 须为 W3C 时间，例如 2026-01-01T00:00:00Z。",
    "{name} must be a number from {low} to {high}.": "{name} 须为 {low} 到 {high} 之间的数。",
    "start_date must not be after end_date.": "start_date 不能晚于 end_date。",
    "Give a location in this community: lat and long within {metres} m of a building, address_id "
    "(a building id) or address_string naming a building.":
        "请给出小区内的位置：距某栋楼 {metres} 米内的 lat 和 long、address_id（楼栋 id）或写明楼栋的 address_string。",
    "A valid api_key of this jurisdiction is required to submit requests.": "提交报事需要本辖区有效的 api_key。",
    "The account this api_key reports as is no longer a member of the community.":
        "此 api_key 代表的账号已不是本小区成员。",
    "description is required: say what is wrong.": "缺少 description：请说明问题。",
    "description may be at most 4000 characters.": "description 最多 4000 字。",
    "No such service request: {id}.": "没有这条报事：{id}。",
}
