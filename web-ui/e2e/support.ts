import { createHmac } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../src/services/creditCode'

export const DEMO_PASSWORD = 'Demo@2026'

/** A unique, valid 统一社会信用代码: 93 (farmers' cooperative) + 雷山县 522634 + random body + check char. */
export function uniqueCreditCode(): string {
  let body = '93522634'
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * 31)]
  return body + creditCodeCheckChar(body)
}

/** Unique per run: time + random, within the username rule (letters, digits, - _ .). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  // argon2id verification is deliberately slow: allow for a busy machine
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 })
  await expect(page.getByTestId('user-menu')).toBeVisible()
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: '退出登录' }).click()
  await expect(page).toHaveURL(/\/login/)
}

/** The side menu's entries, in order. */
export function sideMenu(page: Page) {
  return page.getByTestId('side-menu').getByRole('menuitem')
}

/** Calls the API as the signed-in user of the page (its token from localStorage), e.g. to reset state before a test. */
export async function apiAsPageUser(page: Page, method: string, path: string): Promise<number> {
  return page.evaluate(
    async ({ method, path }) => {
      const stored = JSON.parse(localStorage.getItem('huinong.session') ?? '{}') as { token?: string }
      const response = await fetch(path, { method, headers: { Authorization: `Bearer ${stored.token ?? ''}`, Accept: 'application/json' } })
      return response.status
    },
    { method, path },
  )
}

/** The demo buyer's cart may hold lines of an earlier (failed) run: start from an empty one. */
export async function emptyCart(page: Page): Promise<void> {
  expect(await apiAsPageUser(page, 'DELETE', '/api/v1/cart')).toBe(200)
}

/** GETs JSON from the API as the signed-in user of the page (e.g. to compare what a page shows with what the API says). */
export async function apiJson<T>(page: Page, path: string): Promise<T> {
  const result = await page.evaluate(async (path) => {
    const stored = JSON.parse(localStorage.getItem('huinong.session') ?? '{}') as { token?: string }
    const response = await fetch(path, { headers: { Authorization: `Bearer ${stored.token ?? ''}`, Accept: 'application/json' } })
    return { status: response.status, body: await response.text() }
  }, path)
  expect(result.status, `GET ${path}: ${result.body}`).toBe(200)
  return JSON.parse(result.body) as T
}

/** A new BUYER unit (self-registered, awaiting review) whose admin may sign in and manage its own sign-in. */
export async function registeredUser(page: Page, password: string): Promise<string> {
  const username = `e2e-acct-${uniqueSuffix()}`
  let body = '12522634'
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * 31)]
  const response = await page.request.post('/api/v1/organizations/registrations', {
    data: {
      kind: 'BUYER',
      name: `雷山县第一中学E2E${uniqueSuffix()}`,
      creditCode: body + creditCodeCheckChar(body),
      regionCode: '522634',
      contactName: '吴老师',
      contactPhone: '0855-3335678',
      admin: { username, password },
    },
  })
  expect(response.status(), await response.text()).toBe(201)
  return username
}

/** RFC 6238 (HMAC-SHA1, 6 digits, 30 s) from the Base32 secret shown when binding, `steps` time steps from now. */
export function totpCode(base32Secret: string, steps = 0): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const bytes: number[] = []
  let buffer = 0
  let bits = 0
  for (const c of base32Secret.replace(/=+$/, '').toUpperCase()) {
    buffer = (buffer << 5) | alphabet.indexOf(c)
    bits += 5
    if (bits >= 8) {
      bytes.push((buffer >> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + steps))
  const h = createHmac('sha1', Buffer.from(bytes)).update(counter).digest()
  const offset = h[h.length - 1]! & 0x0f
  const binary = ((h[offset]! & 0x7f) << 24) | (h[offset + 1]! << 16) | (h[offset + 2]! << 8) | h[offset + 3]!
  return String(binary % 1_000_000).padStart(6, '0')
}
