import { expect, test } from '@playwright/test'
import { buyerPlacesOrder, orderStatus, SUPPLIER } from './orders'
import { login, logout, uniqueSuffix } from './support'

/**
 * Operators: 订单查询 finds any order by its number or either party's name and opens it read-only;
 * 支付异常 lists money still owed back (or says there is none), and its 网关异常 the gateway answers that did not match.
 */
test('an operator finds a canteen order by number and by the buyer unit, and opens it read-only', async ({ page }) => {
  test.setTimeout(120_000)
  const orderId = await buyerPlacesOrder(page, `贵州省贵阳市南明区机关食堂（运营查询 ${uniqueSuffix()}）`)
  await logout(page)

  await login(page, 'demo-operator')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '订单查询' }).click()
  await expect(page).toHaveURL(/\/operator\/orders$/)
  await expect(page.getByRole('heading', { name: '订单查询' })).toBeVisible()

  const search = page.getByLabel('查找订单')
  await search.fill(`#${orderId}`)
  await search.press('Enter')
  const table = page.getByTestId('order-table')
  await expect(table.locator('tbody tr.el-table__row')).toHaveCount(1)
  const row = table.locator('tbody tr.el-table__row').first()
  await expect(row).toContainText(`#${orderId}`)
  await expect(row).toContainText(SUPPLIER)
  await expect(row).toContainText('待支付')
  const buyerName = (await row.locator('td').nth(1).innerText()).trim()
  expect(buyerName.length).toBeGreaterThan(0)

  // the buyer unit's name finds it too (newest first), and a name that matches nothing says so
  await search.fill(buyerName)
  await search.press('Enter')
  await expect(table.locator('tbody tr.el-table__row').first()).toContainText(`#${orderId}`)
  await search.fill('不存在的采购单位')
  await search.press('Enter')
  await expect(page.getByText('没有与「不存在的采购单位」相符的订单')).toBeVisible()

  await search.fill(String(orderId))
  await search.press('Enter')
  await table.getByRole('link', { name: `#${orderId}`, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/operator/orders/${orderId}$`))
  await expect(orderStatus(page)).toHaveText('待支付')
  await expect(page.locator('.crumbs')).toContainText('订单查询')
  // read-only: neither the buyer's nor the supplier's actions
  for (const name of ['去支付', '取消订单', '发货', '退款']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)
  }

  await page.getByTestId('side-menu').getByRole('menuitem', { name: '支付异常' }).click()
  await expect(page).toHaveURL(/\/operator\/payments\/attention$/)
  const attention = page.getByTestId('payment-attention-table')
  await expect(attention).toBeVisible()
  await expect(attention.locator('tbody tr.el-table__row').or(page.getByText('没有需要处理的支付')).first()).toBeVisible()

  // 网关异常: gateway answers that did not match, open ones first, or all of them
  await page.getByRole('tab', { name: '网关异常' }).click()
  await expect(page).toHaveURL(/\/operator\/payments\/attention\?tab=mismatches$/)
  const mismatches = page.getByTestId('mismatch-table')
  await expect(mismatches.locator('tbody tr.el-table__row').or(page.getByText('没有待处理的网关异常')).first()).toBeVisible()
  await page.getByTestId('mismatch-filter').getByText('全部').click()
  await expect(mismatches.locator('tbody tr.el-table__row').or(page.getByText('没有网关异常记录')).first()).toBeVisible()
})
