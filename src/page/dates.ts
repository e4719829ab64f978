/** Weekday names, Sunday first (Date#getUTCDay order). */
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** Write an ISO date the way Chinese newspapers do: 2023年4月18日. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/** The weekday of an ISO date: 星期二. */
export function chineseWeekday(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return WEEKDAYS[new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay()]!
}
