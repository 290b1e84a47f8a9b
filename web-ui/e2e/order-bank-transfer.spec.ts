import { expect, test } from '@playwright/test'
import { login, logout, uniqueSuffix } from './support'
import { buyerPlacesOrder, messageBoxButton, orderStatus, supplierOpensOrder } from './orders'

/**
 * An order paid by bank transfer (对公转账): the buyer gets the transfer instructions, the supplier
 * confirms the receipt, the order is PAID; then the supplier refunds part of it.
 */
test('demo buyer pays by bank transfer, supplier confirms receipt and refunds part', async ({ page }) => {
  test.setTimeout(240_000)
  const run = uniqueSuffix()
  const orderId = await buyerPlacesOrder(page, `贵阳市南明区转账路 ${run} 号 机关食堂`)

  await page.getByRole('button', { name: '去支付' }).click()
  const dialog = page.getByTestId('pay-dialog')
  await dialog.getByText('对公转账', { exact: true }).click()
  await dialog.getByRole('button', { name: /下一步/ }).click()
  const instructions = dialog.getByTestId('transfer-instructions')
  await expect(instructions).toContainText('¥99.00')
  // the demo supplier's recorded corporate account (DemoData)
  await expect(instructions).toContainText('中国农业银行雷山县支行')
  await expect(instructions).toContainText('23405101040012345')
  const reference = (await dialog.getByTestId('transfer-reference').textContent())!.trim()
  expect(reference).toMatch(new RegExp(`^HN${orderId}P\\d+$`))
  await dialog.getByRole('button', { name: '我知道了' }).click()
  await expect(orderStatus(page)).toHaveText('待支付')
  await expect(page.getByTestId('order-payments')).toContainText('待转账')
  await expect(page.getByTestId('order-payments')).toContainText(reference)

  await supplierOpensOrder(page, orderId)
  await expect(orderStatus(page)).toHaveText('待支付')
  await page.getByRole('button', { name: '确认到账' }).click()
  await expect(page.locator('.el-message-box')).toContainText(reference)
  await messageBoxButton(page, '确认到账').click()
  await expect(orderStatus(page)).toHaveText('已支付')
  await expect(page.getByTestId('order-payments')).toContainText('支付成功')

  // a partial refund: more than what is left is refused before it reaches the server
  await page.getByRole('button', { name: '退款' }).click()
  const refund = page.getByTestId('refund-dialog')
  await expect(refund.getByTestId('refundable')).toHaveText('¥99.00')
  await refund.getByLabel('退款金额').fill('100')
  await refund.getByLabel('退款原因').fill('部分商品破损')
  await refund.getByRole('button', { name: '确认退款' }).click()
  await expect(refund).toContainText('最多可退 ¥99.00')
  await refund.getByLabel('退款金额').fill('10.5')
  await refund.getByRole('button', { name: '确认退款' }).click()
  await expect(page.getByTestId('order-refunded')).toHaveText('¥10.50')
  await expect(orderStatus(page)).toHaveText('已支付')
  await expect(page.getByTestId('order-timeline')).toContainText('部分退款')

  await logout(page)
  await login(page, 'demo-buyer')
  await page.goto(`/buyer/orders/${orderId}`)
  await expect(orderStatus(page)).toHaveText('已支付')
  await expect(page.getByTestId('order-refunded')).toHaveText('¥10.50')
  await page.screenshot({ path: 'test-results/order-bank-transfer.png', fullPage: true, animations: 'disabled' })
})
