import { describe, expect, it } from 'vitest'
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from '@/services/creditCode'

const VALID = ['91350100M000100Y43', '91110000600037341L', '91440300708461136T', '12100000400000624D', '91310000775785552L']

function withChar(code: string, index: number, c: string): string {
  return code.slice(0, index) + c + code.slice(index + 1)
}

describe('credit code (GB 32100-2015)', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ valid: true, code })
  })

  it.each(VALID)('computes the check character of %s', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17])
  })

  it.each(VALID)('normalises lowercase and spaces before checking %s', (code) => {
    const typed = ` ${code.toLowerCase().slice(0, 9)} ${code.toLowerCase().slice(9)} `
    expect(normalizeCreditCode(typed)).toBe(code)
    expect(validateCreditCode(typed)).toEqual({ valid: true, code })
  })

  it.each(VALID)('rejects %s with a wrong check character and names the right one', (code) => {
    const right = code[17]!
    const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(right) + 1) % 31]!
    expect(validateCreditCode(code.slice(0, 17) + wrong)).toEqual({
      valid: false,
      code: code.slice(0, 17) + wrong,
      message: `校验位错误，应为 ${right}`,
    })
  })

  it.each(VALID)('detects a changed body character in %s', (code) => {
    for (let i = 0; i < 17; i++) {
      const original = CREDIT_CODE_ALPHABET.indexOf(code[i]!)
      const mutated = withChar(code, i, CREDIT_CODE_ALPHABET[(original + 7) % 31]!)
      const result = validateCreditCode(mutated)
      expect(result.valid, `position ${i + 1}`).toBe(false)
      if (!result.valid) expect(result.message).toMatch(/^校验位错误，应为 [0-9A-Y]$/)
    }
  })

  it.each(VALID)('rejects %s cut short or lengthened', (code) => {
    expect(validateCreditCode(code.slice(0, 17))).toMatchObject({ valid: false, message: '长度应为18位' })
    expect(validateCreditCode(code + '0')).toMatchObject({ valid: false, message: '长度应为18位' })
    expect(validateCreditCode('')).toMatchObject({ valid: false, message: '长度应为18位' })
  })

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the letter %s, which the alphabet leaves out', (letter) => {
    for (const code of VALID) {
      expect(validateCreditCode(withChar(code, 8, letter))).toMatchObject({ valid: false, message: `含非法字符 ${letter}` })
      expect(validateCreditCode(withChar(code, 17, letter))).toMatchObject({ valid: false, message: `含非法字符 ${letter}` })
    }
  })

  it('reports an illegal character (lowercased input included) before the length', () => {
    expect(validateCreditCode('91350100o')).toMatchObject({ valid: false, code: '91350100O', message: '含非法字符 O' })
    expect(validateCreditCode('9135-0100')).toMatchObject({ valid: false, message: '含非法字符 -' })
  })

  it('generates valid codes from any body', () => {
    const body = '93522634' + 'MA6ABCDEF'
    const code = body + creditCodeCheckChar(body)
    expect(validateCreditCode(code).valid).toBe(true)
  })
})
