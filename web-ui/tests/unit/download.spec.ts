import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from '@/services/download'

describe('filenameFromDisposition', () => {
  it("prefers the UTF-8 name (filename*=UTF-8''…) the server sends for Chinese names", () => {
    const header =
      "attachment; filename=\"quota-units-520000-2026.csv\"; filename*=UTF-8''%E9%A2%84%E7%95%99%E4%BB%BD%E9%A2%9D-520000-2026-all.csv"
    expect(filenameFromDisposition(header, 'x.csv')).toBe('预留份额-520000-2026-all.csv')
  })

  it('falls back to the plain name, then to the fallback', () => {
    expect(filenameFromDisposition('attachment; filename="quota-units-all-2026.xlsx"', 'x')).toBe('quota-units-all-2026.xlsx')
    expect(filenameFromDisposition('attachment; filename=plain.csv', 'x')).toBe('plain.csv')
    expect(filenameFromDisposition(null, 'fallback.csv')).toBe('fallback.csv')
    expect(filenameFromDisposition('attachment', 'fallback.csv')).toBe('fallback.csv')
  })

  it('survives a malformed encoding', () => {
    expect(filenameFromDisposition("attachment; filename=\"ok.csv\"; filename*=UTF-8''%E9%ZZ", 'x')).toBe('ok.csv')
  })
})
