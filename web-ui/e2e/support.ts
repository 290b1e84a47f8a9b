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
  // signing in hashes the password (argon2): slow on a busy machine
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
