import { expect, test } from '@playwright/test'
import { uniqueSuffix } from './support'
import { PRODUCT, buyerChecksOut, buyerFillsCart, orderStatus } from './orders'

/** More than the stock is refused with the shortage named (409, nothing reserved); an order is cancelled before shipment. */
test('demo buyer is told about a stock shortage, then orders and cancels', async ({ page }) => {
  test.setTimeout(240_000)
  const run = uniqueSuffix()
  await buyerFillsCart(page)

  const quantity = page.getByLabel(`${PRODUCT} 数量`)
  await quantity.fill('100000')
  await quantity.press('Enter')
  await expect(page.getByTestId('line-unavailable')).toContainText('库存不足')
  await page.getByLabel('收货地址').fill(`贵阳市南明区取消路 ${run} 号`)
  await page.getByRole('button', { name: '提交订单' }).click()
  const conflict = page.getByTestId('checkout-conflict')
  await expect(conflict).toContainText('库存不足')
  await expect(conflict).toContainText(new RegExp(`${PRODUCT}：需要 100000袋，可售 \\d+袋`))
  await expect(page).toHaveURL(/\/buyer\/cart$/)

  await quantity.fill('1')
  await quantity.press('Enter')
  await expect(page.getByTestId('line-unavailable')).toHaveCount(0)
  const orderId = await buyerChecksOut(page, `贵阳市南明区取消路 ${run} 号`)
  expect(orderId).toBeGreaterThan(0)

  await page.getByRole('button', { name: '取消订单' }).click()
  const dialog = page.getByTestId('cancel-dialog')
  await dialog.getByRole('button', { name: '确认取消订单' }).click()
  await expect(dialog).toContainText('请填写取消原因')
  await dialog.getByLabel('取消原因').fill('采购计划调整')
  await dialog.getByRole('button', { name: '确认取消订单' }).click()
  await expect(orderStatus(page)).toHaveText('已取消')
  await expect(page.getByText('采购计划调整')).toBeVisible()
  await expect(page.getByRole('button', { name: '去支付' })).toHaveCount(0)
})
