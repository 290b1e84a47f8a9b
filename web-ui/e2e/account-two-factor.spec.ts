import { expect, test } from '@playwright/test'
import { login, logout, registeredUser, totpCode } from './support'

test('a user binds an authenticator (QR) and then signs in with a code', async ({ page }) => {
  const password = 'Leishan-2026'
  const username = await registeredUser(page, password)
  await login(page, username, password)

  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: '两步验证' }).click()
  await expect(page.getByTestId('mfa-status')).toContainText('未启用')
  await page.getByRole('button', { name: '启用两步验证' }).click()
  await expect(page.getByRole('img', { name: '两步验证绑定二维码' })).toBeVisible()
  const secret = (await page.getByTestId('totp-secret').innerText()).trim()
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)

  // confirm with the previous time step's code (still accepted), so the current one is fresh for the sign-in
  await page.getByPlaceholder('6位数字').fill(totpCode(secret, -1))
  await page.getByRole('button', { name: '确认绑定' }).click()
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10)
  await page.getByRole('button', { name: '我已保存，继续' }).click()
  await logout(page)

  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('totp-step')).toBeVisible({ timeout: 30_000 })
  await page.getByLabel('验证码').fill(totpCode(secret))
  await page.getByRole('button', { name: '验证并登录' }).click()
  await expect(page.getByTestId('user-menu')).toContainText(username)

  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: '两步验证' }).click()
  await expect(page.getByTestId('mfa-status')).toContainText('已启用')
})
