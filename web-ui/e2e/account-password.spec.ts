import { expect, test } from '@playwright/test'
import { login, logout, registeredUser } from './support'

test('a user changes the password: the old one is refused from then on', async ({ page }) => {
  const oldPassword = 'Leishan-2026'
  const newPassword = 'Miaoling-2027'
  const username = await registeredUser(page, oldPassword)

  await login(page, username, oldPassword)
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: '修改密码' }).click()
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible()

  // the rules are checked before anything is sent
  await page.getByLabel('当前密码').fill(oldPassword)
  await page.getByLabel('新密码', { exact: true }).fill('lowercase')
  await page.getByLabel('确认新密码').fill('lowercase')
  await page.getByRole('button', { name: '修改密码' }).click()
  await expect(page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少三类')).toBeVisible()

  await page.getByLabel('新密码', { exact: true }).fill(newPassword)
  await page.getByLabel('确认新密码').fill(newPassword)
  await page.getByRole('button', { name: '修改密码' }).click()
  await expect(page.getByText('密码已修改')).toBeVisible()
  await logout(page)

  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(oldPassword)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误', { timeout: 30_000 })

  await login(page, username, newPassword)
  await expect(page.getByTestId('user-menu')).toContainText(username)
})

test('退出登录 ends the session on the server: the old token is refused', async ({ page }) => {
  const username = await registeredUser(page, 'Leishan-2026')
  await login(page, username, 'Leishan-2026')
  const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('huinong.session') ?? '{}') as { token: string }).token)
  await logout(page)
  const me = await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })
  expect(me.status()).toBe(401)
})
