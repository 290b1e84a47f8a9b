import { describe, expect, it } from 'vitest'
import { isContactPhone, passwordProblem, usernameProblem, yuanAmountProblem } from '@/services/validators'
import { mapViolations } from '@/composables/useServerErrors'

describe('contact phone', () => {
  it.each(['13800000000', '19912345678', '0851-12345678', '010-1234567', '085112345678', '0851-12345678-123'])('accepts %s', (v) => {
    expect(isContactPhone(v)).toBe(true)
  })
  it.each(['12800000000', '1380000000', '851-12345678', 'abc', ''])('rejects %s', (v) => {
    expect(isContactPhone(v)).toBe(false)
  })
})

describe('admin account', () => {
  it('checks the username', () => {
    expect(usernameProblem('leishan.coop-01_a')).toBeUndefined()
    expect(usernameProblem('abc')).toBe('用户名长度应为4至32位')
    expect(usernameProblem('a'.repeat(33))).toBe('用户名长度应为4至32位')
    expect(usernameProblem('张三abcd')).toBe('用户名只能包含字母、数字以及 - _ .')
  })
  it('checks the password', () => {
    expect(passwordProblem('Demo@2026')).toBeUndefined()
    expect(passwordProblem('abc123')).toBe('密码至少需要8位')
    expect(passwordProblem('abcdefgh')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类')
    expect(passwordProblem('abcdefgh1')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类')
    expect(passwordProblem('abcdefg-1')).toBeUndefined()
    expect(passwordProblem('Xx-wangfang-1', 'wangfang')).toBe('密码不能包含用户名')
  })
})

describe('violations onto form items', () => {
  it('matches exact paths, prefixed paths, and keeps the rest', () => {
    const { byProp, unmatched } = mapViolations(
      [
        { field: 'creditCode', message: '校验位错误，应为 3' },
        { field: 'register.request.admin.username', message: '用户名已被使用' },
        { field: 'somethingElse', message: '未知' },
      ],
      ['creditCode', 'admin.username', 'name'],
    )
    expect(byProp).toEqual({ creditCode: '校验位错误，应为 3', 'admin.username': '用户名已被使用' })
    expect(unmatched).toEqual([{ field: 'somethingElse', message: '未知' }])
  })
})

describe('amounts in yuan', () => {
  it('wants one, exact to the fen and not negative', () => {
    expect(yuanAmountProblem(' ', '请填写预留份额')).toBe('请填写预留份额')
    expect(yuanAmountProblem('12.345', '请填写预留份额')).toBe('请输入正确的金额（元），最多两位小数')
    expect(yuanAmountProblem('abc', '请填写预留份额')).toBe('请输入正确的金额（元），最多两位小数')
    expect(yuanAmountProblem('1200.50', '请填写预留份额')).toBeUndefined()
    expect(yuanAmountProblem('0', '请填写预留份额')).toBeUndefined()
  })
})
