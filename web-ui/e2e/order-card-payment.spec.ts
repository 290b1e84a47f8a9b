import { expect, test } from '@playwright/test'
import { login, logout, uniqueSuffix } from './support'
import { PRODUCT, buyerPlacesOrder, messageBoxButton, orderStatus, supplierOpensOrder } from './orders'

/**
 * The whole life of an order paid by card through the mock payment gateway: the demo buyer finds a
 * product, puts it in the 采购车 and checks out, is declined with a test card and pays with another;
 * the demo supplier ships and marks it delivered; the buyer accepts it (验收).
 */
test('demo buyer orders, pays by card, supplier ships and delivers, buyer accepts', async ({ page }) => {
  test.setTimeout(240_000)
  const run = uniqueSuffix()
  const orderId = await buyerPlacesOrder(page, `贵阳市南明区测试路 ${run} 号 机关食堂`)

  // pay: a declined card first, then the success card
  await page.getByRole('button', { name: '去支付' }).click()
  const dialog = page.getByTestId('pay-dialog')
  await expect(dialog.getByTestId('pay-amount')).toHaveText('¥99.00')
  await dialog.getByText('银行卡', { exact: true }).click()
  await dialog.getByRole('button', { name: /下一步/ }).click()
  await dialog.getByRole('button', { name: /4000 0000 0000 0002/ }).click()
  await dialog.getByRole('button', { name: /确认支付/ }).click()
  await expect(dialog.getByTestId('pay-failure')).toBeVisible()
  await dialog.getByRole('button', { name: /4242 4242 4242 4242/ }).click()
  await expect(dialog.getByLabel('卡号')).toHaveValue('4242 4242 4242 4242')
  await dialog.getByRole('button', { name: /确认支付/ }).click()
  await expect(orderStatus(page)).toHaveText('已支付')
  const payments = page.getByTestId('order-payments')
  // the declined attempt and the success are one payment (the same intent, confirmed twice)
  await expect(payments).toContainText('支付成功')
  await expect(page.getByRole('button', { name: '去支付' })).toHaveCount(0)

  // the buyer asks for an invoice
  await page.getByRole('button', { name: '填写开票信息' }).click()
  await expect(page.getByLabel('发票抬头')).toHaveValue('贵州省机关事务管理局')
  await page.getByRole('button', { name: '提交开票信息' }).click()
  await expect(page.getByTestId('invoice')).toContainText('待供应商开票')

  // the supplier ships, records the invoice and marks the order delivered
  await supplierOpensOrder(page, orderId)
  await expect(orderStatus(page)).toHaveText('已支付')
  await page.getByRole('button', { name: '发货' }).click()
  const ship = page.getByTestId('ship-dialog')
  await ship.getByLabel('承运商').click()
  await page.getByRole('option', { name: '顺丰速运' }).click()
  await ship.getByLabel('运单号').fill(`SF${run}`.toUpperCase())
  await ship.getByRole('button', { name: '确认发货' }).click()
  await expect(orderStatus(page)).toHaveText('已发货')
  await expect(page.getByTestId('order-shipment')).toContainText(`SF${run}`.toUpperCase())

  await page.getByRole('button', { name: '登记已开发票' }).click()
  await page.getByLabel('发票号码').fill(`FP${run}`)
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('invoice-number')).toHaveText(`FP${run}`)

  await page.getByRole('button', { name: '确认送达' }).click()
  await messageBoxButton(page, '确认送达').click()
  await expect(orderStatus(page)).toHaveText('已送达')

  // the buyer accepts
  await logout(page)
  await login(page, 'demo-buyer')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '我的订单' }).click()
  await page.getByTestId('order-table').getByRole('link', { name: `#${orderId}`, exact: true }).click()
  await expect(orderStatus(page)).toHaveText('已送达')
  await page.getByRole('button', { name: '验收' }).click()
  const accept = page.getByTestId('accept-dialog')
  await accept.getByLabel('评价').fill(`${PRODUCT}品质很好，配送及时`)
  await accept.getByRole('button', { name: '确认验收' }).click()
  await expect(orderStatus(page)).toHaveText('已验收')
  const timeline = page.getByTestId('order-timeline')
  for (const step of ['提交订单', '支付成功', '供应商已发货', '供应商确认送达', '采购单位验收']) {
    await expect(timeline).toContainText(step)
  }
  await expect(page.getByTestId('order-shipment')).toContainText('★★★★★')
  await page.screenshot({ path: 'test-results/order-card-payment.png', fullPage: true, animations: 'disabled' })
})
