import { readFile } from 'node:fs/promises'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { login, logout, uniqueSuffix } from './support'
import { buyerChecksOut, buyerPaysByCard, fillCart, SUPPLIER } from './orders'
import { formatFen } from '../src/services/money'

/**
 * Issue 5 end to end: the demo buyer amends its reserved-share plan for the current year, buys an
 * eligible demo product through the UI (search -> 加入采购车 -> 采购车 -> 提交订单 -> card payment),
 * sees its progress move once the ledger has booked the payment, and the demo regulator (贵州省商务厅)
 * finds the unit's figures by drilling down 贵州省 → 贵阳市 → 南明区. Repeatable on the same
 * database: the plan is amended (a new version each run) and figures are compared with what the API
 * says before and after this run's purchase.
 */

const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))

async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem('huinong.session') ?? '{}') as { token: string }).token)
}

async function api<T>(request: APIRequestContext, token: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await request.fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...headers },
    data: body,
  })
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true)
  return (await response.json()) as T
}

interface Progress {
  eligibleSpentFen: number
  reservedFen: number
}

test('a buyer files its plan, buys an eligible product, and the regulator sees the unit', async ({ page, request }) => {
  test.setTimeout(150_000)
  const suffix = uniqueSuffix()

  // 1. the buyer amends this year's plan through the form, at the live floor
  await login(page, 'demo-buyer')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '预留份额填报' }).click()
  await expect(page).toHaveURL(/\/buyer\/quota$/)
  await expect(page.getByTestId('quota-floor')).toHaveText('10%')
  const versionsBefore = await page.getByTestId('quota-versions').locator('tbody tr.el-table__row').count()
  await page.getByTestId('quota-plan-form').getByText('自有食堂', { exact: true }).click()
  await page.getByLabel('年度食堂食材采购总额（元）').fill('200000.05')
  // 10% of 200,000.05 yuan is 20,000.005 yuan: rounded up to the fen
  await expect(page.getByTestId('quota-minimum')).toContainText('¥20,000.01')
  await page.getByRole('button', { name: '按最低额填入' }).click()
  await expect(page.getByLabel('预留份额（元）')).toHaveValue('20000.01')
  // below the floor is refused next to the field, before any request
  await page.getByLabel('预留份额（元）').fill('20000.00')
  await page.getByTestId('quota-submit').click()
  await expect(page.getByText('预留份额不得低于 ¥20,000.01')).toBeVisible()
  await page.getByRole('button', { name: '按最低额填入' }).click()
  await page.getByLabel('联系人').fill('食堂管理员')
  await page.getByLabel('备注').fill(`端到端测试 ${suffix}`)
  await page.getByTestId('quota-submit').click()
  await expect(page.getByText(`已修改 ${YEAR} 年度计划`)).toBeVisible()
  await expect(page.getByTestId('quota-versions').locator('tbody tr.el-table__row')).toHaveCount(versionsBefore + 1)
  await expect(page.getByTestId('quota-plan-status')).toContainText('已填报')
  await page.screenshot({ path: 'test-results/reserved-share-plan.png', fullPage: true, animations: 'disabled' })

  // 2. buy an eligible product through the UI: search, 加入采购车, the cart's checkout, a card payment
  const token = await tokenOf(page)
  const me = await api<{ organization: { id: number; name: string; regionCode: string } }>(request, token, 'GET', '/api/v1/me')
  // where the regulator will find the unit: its prefecture and county (e.g. 贵阳市 → 南明区)
  const county = me.organization.regionCode
  const prefecture = `${county.slice(0, 4)}00`
  const countyName = (await api<{ name: string }>(request, token, 'GET', `/api/v1/regions/${county}`)).name
  const prefectureName = (await api<{ name: string }>(request, token, 'GET', `/api/v1/regions/${prefecture}`)).name
  const before = await api<Progress>(request, token, 'GET', `/api/v1/quota/plans/${YEAR}/progress`)
  expect(before.reservedFen).toBe(2_000_001)
  await fillCart(page)
  // the cart says the line counts toward the reserved share
  await expect(page.getByTestId('cart-group').filter({ hasText: SUPPLIER })).toContainText('计入预留份额')
  const orderId = await buyerChecksOut(page, `贵州省贵阳市云岩区中华北路 1 号 食堂 ${suffix}`)
  await buyerPaysByCard(page)
  const order = await api<{ status: string; eligibleFen: number }>(request, token, 'GET', `/api/v1/orders/${orderId}`)
  expect(order.status).toBe('PAID')
  expect(order.eligibleFen).toBe(9900)

  // 3. the ledger books it: the buyer's progress moves
  let after: Progress = before
  await expect
    .poll(
      async () => {
        after = await api<Progress>(request, token, 'GET', `/api/v1/quota/plans/${YEAR}/progress`)
        return after.eligibleSpentFen - before.eligibleSpentFen
      },
      { timeout: 30_000, message: 'the ledger poller books the paid eligible amount' },
    )
    .toBeGreaterThanOrEqual(order.eligibleFen)
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '预留份额进度' }).click()
  await expect(page.getByTestId('quota-spent')).toHaveText(formatFen(after.eligibleSpentFen))
  await expect(page.getByTestId('quota-reserved')).toHaveText('¥20,000.01')
  await expect(page.getByTestId('quota-pace')).toBeVisible()
  await expect(page.getByRole('img', { name: /完成率/ })).toBeVisible()
  await page.getByText('哪些采购计入完成额？为什么？').click()
  await expect(page.getByTestId('quota-explainer')).toContainText('退款从原订单支付所在年度扣回')
  await page.screenshot({ path: 'test-results/reserved-share-progress.png', fullPage: true, animations: 'disabled' })
  // the dashboard shows the same card
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '工作台' }).click()
  await expect(page.getByTestId('quota-progress-card').getByTestId('quota-spent')).toHaveText(formatFen(after.eligibleSpentFen))
  await logout(page)

  // 4. the regulator drills down to the unit and finds its figures
  await login(page, 'demo-regulator')
  await expect(page).toHaveURL(/\/monitoring$/)
  await expect(page.getByTestId('kpi-units')).toBeVisible()
  await expect(page.getByTestId('monitoring-breadcrumb')).toContainText('贵州省')
  const ranking = page.getByTestId('monitoring-ranking')
  await ranking.getByRole('button', { name: prefectureName, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`region=${prefecture}`))
  await expect(page.getByTestId('monitoring-breadcrumb')).toContainText(prefectureName)
  await ranking.getByRole('button', { name: countyName, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`region=${county}`))
  await expect(page.getByTestId('monitoring-breadcrumb')).toContainText(countyName)
  const row = page.getByTestId('monitoring-unit-table').locator('tr', { hasText: me.organization.name })
  await expect(row).toBeVisible()
  await expect(row.getByTestId('unit-spent')).toHaveText(formatFen(after.eligibleSpentFen))
  await expect(row).toContainText('¥20,000.01')
  await page.screenshot({ path: 'test-results/reserved-share-monitoring.png', fullPage: true, animations: 'disabled' })

  // exports keep the server's file name
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  expect(download.suggestedFilename()).toContain(county)

  // back up the breadcrumb; the province's table of prefectures and its trend export as they are shown
  await page.getByTestId('monitoring-breadcrumb').getByRole('link', { name: '贵州省' }).click()
  await expect(page).not.toHaveURL(/region=/)
  const [regions] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-regions-csv').click()])
  expect(regions.suggestedFilename()).toBe(`预留份额各地完成情况-贵州省-${YEAR}.csv`)
  const regionLines = (await readFile(await regions.path())).toString('utf8').replace(/^\uFEFF/, '').split('\r\n')
  expect(regionLines[0]).toBe('行政区划代码,地区,预算单位（家）,已填报（家）,预留份额（元）,已完成金额（元）,完成率,已完成单位（家）,进度滞后单位（家）')
  expect(regionLines.some((l) => l.startsWith(`${prefecture},${prefectureName},`))).toBe(true)
  expect(regionLines.some((l) => l.startsWith('520000,贵州省合计,'))).toBe(true)
  const [months] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-trend-csv').click()])
  expect(months.suggestedFilename()).toBe(`预留份额月度趋势-贵州省-${YEAR}.csv`)
  const monthLines = (await readFile(await months.path())).toString('utf8').replace(/^\uFEFF/, '').split('\r\n')
  expect(monthLines[0]).toBe('月份,当月完成额（元）,累计完成额（元）,按序时进度应累计完成（元）')
  expect(monthLines.filter((l) => l.startsWith(`${YEAR}年`))).toHaveLength(12)

  // a region outside the scope is refused clearly
  await page.goto('/monitoring?region=110000')
  await expect(page.getByTestId('monitoring-forbidden')).toContainText('不在本部门的监管范围内')
})
