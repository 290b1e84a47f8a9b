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
