import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, login, logout, uniqueSuffix } from './support'

/**
 * A lower ratio (比例申请) is decided by the finance department (ADR 11): 贵阳市第一中学 (demo-school)
 * asks for 8% for next year, the commerce department (demo-regulator) is not offered the review and
 * is shown the 403 page, and 贵州省财政厅 (demo-finance) rejects the request with a reason in the UI.
 * Repeatable on the same database: a rejected request does not block the next one.
 */

const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) + 1

test('the finance department reviews a ratio exception; the commerce department may not', async ({ page, request }) => {
  test.setTimeout(120_000)
  const suffix = uniqueSuffix()
  const signIn = await request.post('/api/v1/auth/login', { data: { username: 'demo-school', password: DEMO_PASSWORD } })
  expect(signIn.ok()).toBe(true)
  const { accessToken } = (await signIn.json()) as { accessToken: string }
  const asked = await request.post(`/api/v1/quota/plans/${YEAR}/ratio-exceptions`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { ratioPercent: 8, reason: `食堂规模小，脱贫地区产品品类不足 ${suffix}` },
  })
  expect(asked.status(), await asked.text()).toBe(201)

  await login(page, 'demo-regulator')
  await expect(page.getByTestId('side-menu').getByRole('menuitem', { name: '比例申请审核' })).toHaveCount(0)
  await page.goto('/monitoring/ratio-exceptions')
  await expect(page.getByText('403 无权访问')).toBeVisible()
  await logout(page)

  await login(page, 'demo-finance')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '比例申请审核' }).click()
  await expect(page).toHaveURL(/\/monitoring\/ratio-exceptions$/)
  const row = page.getByTestId('ratio-exception-table').locator('tr.el-table__row', { hasText: suffix })
  await expect(row).toContainText('贵阳市第一中学')
  await expect(row).toContainText('8%')
  await row.getByRole('button', { name: '驳回' }).click()
  await page.getByRole('dialog').getByLabel('驳回原因').fill(`请先按本省下限填报 ${suffix}`)
  await page.getByRole('dialog').getByRole('button', { name: '确认驳回' }).click()
  await expect(page.getByText('已驳回「贵阳市第一中学」的比例申请')).toBeVisible()
  await expect(row).toHaveCount(0)
  await page.getByRole('tab', { name: '已驳回' }).click()
  await expect(page.getByTestId('ratio-exception-table').locator('tr.el-table__row', { hasText: suffix })).toContainText(
    `请先按本省下限填报 ${suffix}`,
  )
  await page.screenshot({ path: 'test-results/ratio-exception-review.png', fullPage: true, animations: 'disabled' })
})
