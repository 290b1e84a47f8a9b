import { describe, expect, it } from 'vitest'
import { certificationNumberHint, certificationNumberProblem, normalizeCertificationNumber } from '@/services/certificationNumber'

describe('certificate number hints', () => {
  it.each([
    ['GREEN_FOOD', '“GF”加 12 位数字'],
    ['ORGANIC', '17 位数字'],
    ['GEOGRAPHICAL_INDICATION', '“AGI”加 5 位数字'],
  ] as const)('tells how a %s number is written', (kind, text) => {
    expect(certificationNumberHint(kind)).toContain(text)
  })

  it('has no fixed format for the other kinds', () => {
    expect(certificationNumberHint('ASSISTANCE_PRODUCT')).toBe('按证书上的编号填写')
    expect(certificationNumberHint('')).toBe('按证书上的编号填写')
  })

  it.each([
    ['GREEN_FOOD', 'GF522634260001'],
    ['GREEN_FOOD', ' gf 5226 3426 0001 '],
    ['ORGANIC', '12345678901234567'],
    ['GEOGRAPHICAL_INDICATION', 'AGI01234'],
    ['FAMOUS_SPECIAL', 'CAQS-MTYX-20230001'],
    ['COMPLIANCE_CERTIFICATE', '任意编号 001'],
  ] as const)('accepts %s %s', (kind, number) => {
    expect(certificationNumberProblem(kind, number)).toBeUndefined()
  })

  it.each([
    ['GREEN_FOOD', 'GF52263426000', '“GF”加 12 位数字'],
    ['GREEN_FOOD', 'LB-15-1234567890', '“GF”加 12 位数字'],
    ['ORGANIC', '1234567890123456', '17 位数字'],
    ['ORGANIC', '1234567890123456A', '17 位数字'],
    ['GEOGRAPHICAL_INDICATION', 'AGI1234', '“AGI”加 5 位数字'],
    ['GEOGRAPHICAL_INDICATION', 'AGI012345', '“AGI”加 5 位数字'],
  ] as const)('refuses %s %s', (kind, number, hint) => {
    expect(certificationNumberProblem(kind, number)).toBe(`证书编号格式不正确，应为${hint}`)
  })

  it('asks for a number', () => {
    expect(certificationNumberProblem('GREEN_FOOD', '  ')).toBe('请输入证书编号')
  })

  it('sends numbers upper-cased without spaces', () => {
    expect(normalizeCertificationNumber(' gf 5226 3426 0001 ')).toBe('GF522634260001')
  })
})
