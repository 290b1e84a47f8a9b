/** Client-side checks mirrored from the backend's rules, with the messages the forms show. */
import { parseYuanToFen } from '@/services/money'

export const MOBILE = /^1[3-9]\d{9}$/
/** Landline with area code, e.g. 0851-12345678, optionally with an extension (-123). */
export const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/
export const USERNAME = /^[A-Za-z0-9._-]{4,32}$/

export function isContactPhone(value: string): boolean {
  const v = value.trim()
  return MOBILE.test(v) || LANDLINE.test(v)
}

/** undefined when fine, else the message. */
export function usernameProblem(value: string): string | undefined {
  if (!value) return '请输入用户名'
  if (value.length < 4 || value.length > 32) return '用户名长度应为4至32位'
  if (!USERNAME.test(value)) return '用户名只能包含字母、数字以及 - _ .'
  return undefined
}

/** Character classes in a password: upper case, lower case, digits, anything else. */
export function passwordClasses(value: string): number {
  return [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length
}

/**
 * The backend's password rules (identity PasswordPolicy): at least 8 characters, at least 3 of 4 classes, not
 * containing the username.
 */
export function passwordProblem(value: string, username?: string): string | undefined {
  if (!value) return '请输入密码'
  if ([...value].length < 8) return '密码至少需要8位'
  if ([...value].length > 128) return '密码不能超过128位'
  if (passwordClasses(value) < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类'
  const name = username?.trim().toLowerCase()
  if (name && name.length >= 3 && value.toLowerCase().includes(name)) return '密码不能包含用户名'
  return undefined
}

/** A required amount in yuan (at most two decimals, not negative): undefined when fine, else the message. */
export function yuanAmountProblem(value: string, missing: string): string | undefined {
  if (!value.trim()) return missing
  const fen = parseYuanToFen(value)
  return fen === undefined || fen < 0 ? '请输入正确的金额（元），最多两位小数' : undefined
}
