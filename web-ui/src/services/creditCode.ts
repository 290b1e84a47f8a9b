/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; the 18th is a
 * check character over the first 17 (weights 3^i mod 31).
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export type CreditCodeCheck =
  | { valid: true; code: string }
  | { valid: false; code: string; message: string }

/** Uppercases and drops whitespace, as the input field does while typing. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** The check character for a 17-character body (already from the alphabet). */
export function creditCodeCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError('信用代码主体应为17位')
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(body17[i]!)
    if (v < 0) throw new RangeError(`含非法字符 ${body17[i]}`)
    sum += v * WEIGHTS[i]!
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!
}

/**
 * Validates a credit code after normalising it. Messages, in order of checking:
 * 含非法字符 X / 长度应为18位 / 校验位错误，应为 Y.
 */
export function validateCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(input)
  const illegal = [...code].find((c) => !CREDIT_CODE_ALPHABET.includes(c))
  if (illegal !== undefined) return { valid: false, code, message: `含非法字符 ${illegal}` }
  if (code.length !== 18) return { valid: false, code, message: '长度应为18位' }
  const expected = creditCodeCheckChar(code.slice(0, 17))
  if (code[17] !== expected) return { valid: false, code, message: `校验位错误，应为 ${expected}` }
  return { valid: true, code }
}
