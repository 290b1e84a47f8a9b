/**
 * Reminders (催办) and the shared-canteen representative lookup: wire types derived from the
 * generated client, and the pure wording the pages use (zh-CN).
 */
import type { QueryOf, RequestBody, ResponseBody } from './api/types'
import { formatFen } from './money'

export type UnitReminders = ResponseBody<'/api/v1/quota/reminders', 'get'>
export type ReminderAlert = UnitReminders['alerts'][number]
export type ReminderMessage = UnitReminders['messages'][number]
export type ReminderSeverity = ReminderAlert['severity']
export type DueQuery = QueryOf<'/api/v1/monitoring/reminders', 'get'>
export type DueFilter = NonNullable<DueQuery['filter']>
export type DueSort = NonNullable<DueQuery['sort']>
export type DueUnitPage = ResponseBody<'/api/v1/monitoring/reminders', 'get'>
export type DueUnit = DueUnitPage['items'][number]
export type SendRemindersRequest = RequestBody<'/api/v1/monitoring/reminders', 'post'>
export type RemindersSent = ResponseBody<'/api/v1/monitoring/reminders', 'post'>
export type CandidatePage = ResponseBody<'/api/v1/quota/representative-candidates', 'get'>
export type RepresentativeCandidate = CandidatePage['items'][number]

/** el-alert's `type` for a reminder's severity. */
export function alertType(severity: ReminderSeverity): 'error' | 'warning' | 'info' | 'success' {
  return severity.toLowerCase() as 'error' | 'warning' | 'info' | 'success'
}

export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
  ALL: '全部',
  NOT_FILED: '未填报',
  BEHIND_PACE: '进度滞后',
}

export const DUE_SORT_LABELS: Record<DueSort, string> = {
  URGENCY: '紧急程度',
  GAP_DESC: '差额从大到小',
  COMPLETION_ASC: '完成率从低到高',
  REGION: '行政区划',
  NAME: '单位名称',
}

/** Why a unit is listed, in a word: 未填报（已逾期）, 未填报, 进度滞后. */
export function dueReasonLabel(u: Pick<DueUnit, 'reason' | 'overdue'>): string {
  if (u.reason === 'NOT_FILED') return u.overdue ? '未填报（已逾期）' : '未填报'
  return '进度滞后'
}

/** Tag type of the reason: overdue is the most urgent. */
export function dueReasonTag(u: Pick<DueUnit, 'reason' | 'overdue'>): 'danger' | 'warning' {
  return u.reason === 'NOT_FILED' && u.overdue ? 'danger' : 'warning'
}

/** The deadline in days: "逾期 12 天", "今天截止", "还剩 5 天". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `逾期 ${-daysLeft} 天`
  if (daysLeft === 0) return '今天截止'
  return `还剩 ${daysLeft} 天`
}

/** What the row says about the unit: days to (or past) the deadline, or the gap to the pace. */
export function dueDetail(u: Pick<DueUnit, 'reason' | 'daysLeft' | 'gapFen'>): string {
  return u.reason === 'NOT_FILED' ? daysLeftText(u.daysLeft) : `距序时进度差 ${formatFen(u.gapFen)}`
}

/** The outcome of a send, as a toast. */
export function sentMessage(r: Pick<RemindersSent, 'sent' | 'alreadyRemindedToday'>): string {
  if (r.sent === 0 && r.alreadyRemindedToday > 0) return `所选 ${r.alreadyRemindedToday} 个单位今天已催办过，未重复发送`
  const skipped = r.alreadyRemindedToday > 0 ? `；${r.alreadyRemindedToday} 个单位今天已催办过，未重复发送` : ''
  return `已向 ${r.sent} 个单位发送催办${skipped}`
}

export const PROXIMITY_LABELS: Record<string, string> = {
  COUNTY: '同县（区）',
  PREFECTURE: '同市（州）',
  PROVINCE: '同省',
}

/** A candidate's filing status next to its name. */
export function candidateStatus(c: Pick<RepresentativeCandidate, 'filed' | 'canteen' | 'eligible'>): {
  text: string
  type: 'success' | 'info' | 'warning'
} {
  if (c.eligible) return { text: c.canteen === 'OUTSOURCED' ? '已填报·外包食堂' : '已填报·自有食堂', type: 'success' }
  if (!c.filed) return { text: '尚未填报', type: 'warning' }
  return { text: c.canteen === 'NONE' ? '已填报·无食堂' : '已填报', type: 'info' }
}

/** Why a candidate cannot be chosen (the backend refuses it too), or undefined when it can. */
export function candidateBlocker(c: Pick<RepresentativeCandidate, 'filed' | 'canteen' | 'eligible'>): string | undefined {
  if (c.eligible) return undefined
  if (!c.filed) return '该单位尚未填报本年度计划，暂不能作为代表单位'
  return '该单位未按自有或外包食堂填报，不能作为代表单位'
}
