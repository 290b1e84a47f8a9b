import { expect, test, type Page } from '@playwright/test'
import { login, logout, uniqueSuffix } from './support'
import { buyerPlacesOrder, messageBoxButton, orderStatus, supplierOpensOrder } from './orders'

/** Today in Beijing, "YYYY-MM-DD" (the date pickers' default). */
function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

/** A small, valid PDF: the server sniffs the type from the bytes (%PDF-). */
function slipPdf(reference: string): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj',
      `% transfer reference ${reference}`,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
  )
}

/** The signed-in user opens the order's page. */
async function opensOrder(page: Page, role: 'buyer' | 'supplier', orderId: number) {
  await page.goto(`/${role}/orders/${orderId}`)
  await expect(page.getByTestId('order-total')).toHaveText('¥99.00')
}

/**
 * An order paid by bank transfer (对公转账): the buyer gets the transfer instructions and its
 * deadline and uploads the 回单 with the transfer date; the supplier opens the 回单, confirms the
 * receipt with that date and the amount (another amount is refused), the order is PAID; the supplier
 * refunds part of it, which it sends itself: the refund is pending (待供应商汇出 / 待供应商退款)
 * until the supplier confirms it sent the money; then both see the refunded amount.
 */
test('demo buyer pays by bank transfer with its slip, supplier confirms receipt and refunds part offline', async ({ page }) => {
  test.setTimeout(360_000)
  const run = uniqueSuffix()
  const today = beijingToday()
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
  // seven days to transfer, while the order keeps its stock
  await expect(dialog.getByTestId('transfer-deadline')).toContainText(/请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前完成转账（剩余 6 天 23 小时/)
  const reference = (await dialog.getByTestId('transfer-reference').textContent())!.trim()
  expect(reference).toMatch(new RegExp(`^HN${orderId}P\\d+$`))

  // the 回单 right away: a PDF and the transfer date, today by default
  const upload = dialog.getByTestId('slip-upload')
  await expect(upload.getByRole('combobox', { name: '转账日期' }).or(upload.getByLabel('转账日期')).first()).toHaveValue(today)
  await upload.locator('input[type=file]').setInputFiles({ name: '转账回单.pdf', mimeType: 'application/pdf', buffer: slipPdf(reference) })
  await upload.getByRole('button', { name: '上传回单' }).click()
  await expect(dialog.getByTestId('slip')).toContainText('转账回单.pdf')
  await expect(dialog).toContainText(`转账日期 ${today}`)
  await dialog.getByRole('button', { name: '我知道了' }).click()
  await expect(orderStatus(page)).toHaveText('待支付')
  const payments = page.getByTestId('order-payments')
  await expect(payments).toContainText('待转账')
  await expect(payments).toContainText(reference)
  await expect(payments).toContainText('转账回单.pdf')
  await expect(page.getByTestId('transfer-panel').getByTestId('slip-uploaded')).toContainText(today)

  // the dashboard's 待转账 lists it and leads back to it
  await page.goto('/')
  const awaiting = page.getByTestId('awaiting-transfer').filter({ hasText: `订单 #${orderId}` })
  await expect(awaiting).toContainText(reference)
  await expect(awaiting).toContainText('已上传回单')
  await awaiting.getByRole('link', { name: `订单 #${orderId}` }).click()
  await expect(page).toHaveURL(new RegExp(`/buyer/orders/${orderId}$`))

  // the supplier opens the 回单 (fetched with its token, shown from a blob URL)
  await supplierOpensOrder(page, orderId)
  await expect(orderStatus(page)).toHaveText('待支付')
  const slipRow = page.getByTestId('order-payments').getByTestId('slip')
  await expect(slipRow).toContainText('转账回单.pdf')
  const popupOpened = page.waitForEvent('popup')
  const fileAnswered = page.waitForResponse((r) => /\/api\/v1\/files\/\d+$/.test(new URL(r.url()).pathname))
  await slipRow.getByRole('button', { name: '查看' }).click()
  const [popup, fileResponse] = await Promise.all([popupOpened, fileAnswered])
  expect(fileResponse.status()).toBe(200)
  expect(fileResponse.request().headers()['authorization']).toMatch(/^Bearer /)
  expect(fileResponse.headers()['content-type']).toBe('application/pdf')
  // the tab shows the PDF from a blob URL of this origin: no token in any URL
  expect(popup.url()).toMatch(new RegExp(`^blob:${new URL(page.url()).origin}/`))
  await expect.poll(() => popup.evaluate(() => document.contentType)).toBe('application/pdf')
  await popup.close()
  // and the file is the buyer's bytes
  const head = await page.evaluate(async (path) => {
    const token = (JSON.parse(localStorage.getItem('huinong.session') ?? '{}') as { token?: string }).token
    const r = await fetch(path, { headers: { Authorization: `Bearer ${token}` } })
    return new TextDecoder().decode((await r.arrayBuffer()).slice(0, 8))
  }, new URL(fileResponse.url()).pathname)
  expect(head).toBe('%PDF-1.4')

  // 确认到账: the slip's date and the amount, which must be the payment's
  await page.getByRole('button', { name: '确认到账' }).click()
  const receipt = page.getByTestId('receipt-dialog')
  await expect(receipt.getByTestId('receipt-reference')).toHaveText(reference)
  await expect(receipt.getByTestId('slip')).toContainText('转账回单.pdf')
  await expect(receipt.getByLabel('到账金额')).toHaveValue('99.00')
  await expect(receipt.getByRole('combobox', { name: '转账日期' }).or(receipt.getByLabel('转账日期')).first()).toHaveValue(today)
  await receipt.getByLabel('到账金额').fill('98')
  await receipt.getByRole('button', { name: '确认到账' }).click()
  await expect(receipt.getByTestId('receipt-problem')).toContainText('不符')
  await expect(receipt).toContainText('应为¥99.00')
  await expect(orderStatus(page)).toHaveText('待支付')
  await receipt.getByLabel('到账金额').fill('99.00')
  await receipt.getByRole('button', { name: '确认到账' }).click()
  await expect(orderStatus(page)).toHaveText('已支付')
  await expect(page.getByTestId('order-payments')).toContainText('支付成功')
  await expect(page.getByTestId('order-payments')).toContainText(`确认转账日期 ${today}`)

  // a partial refund: more than what is left is refused before it reaches the server
  await page.getByRole('button', { name: '退款' }).click()
  const refund = page.getByTestId('refund-dialog')
  await expect(refund.getByTestId('refundable')).toHaveText('¥99.00')
  await expect(refund.getByTestId('refund-offline-hint')).toBeVisible()
  await refund.getByLabel('退款金额').fill('100')
  await refund.getByLabel('退款原因').fill('部分商品破损')
  await refund.getByRole('button', { name: '确认退款' }).click()
  await expect(refund).toContainText('最多可退 ¥99.00')
  await refund.getByLabel('退款金额').fill('10.5')
  await refund.getByRole('button', { name: '确认退款' }).click()
  // the supplier sends it itself: pending until it says it did
  const refunds = page.getByTestId('order-refunds')
  await expect(refunds).toContainText('¥10.50')
  await expect(refunds.getByTestId('refund-status')).toHaveText('待供应商汇出')
  await expect(page.getByTestId('order-refunded')).toHaveText('¥0.00')
  await expect(page.getByTestId('order-refunding')).toHaveText('¥10.50')
  await expect(orderStatus(page)).toHaveText('已支付')

  // the buyer sees it as the supplier's to refund
  await logout(page)
  await login(page, 'demo-buyer')
  await opensOrder(page, 'buyer', orderId)
  await expect(page.getByTestId('order-refunds').getByTestId('refund-status')).toHaveText('待供应商退款')
  await expect(page.getByTestId('order-refunded')).toHaveText('¥0.00')

  // the supplier confirms it sent the money: the date (today by default) and the bank's reference
  await supplierOpensOrder(page, orderId)
  await page.getByTestId('order-refunds').getByRole('button', { name: '确认已退款' }).click()
  const sent = page.getByTestId('refund-sent-dialog')
  await expect(sent.getByRole('combobox', { name: '退款汇出日期' }).or(sent.getByLabel('退款汇出日期')).first()).toHaveValue(today)
  await sent.getByLabel('银行流水号').fill(`LS${run}`)
  await sent.getByRole('button', { name: '确认已退款' }).click()
  await expect(page.getByTestId('order-refunded')).toHaveText('¥10.50')
  await expect(page.getByTestId('order-refunds').getByTestId('refund-status')).toHaveText('已退款')
  await expect(page.getByTestId('order-refunds')).toContainText(`流水号 LS${run}`)
  await expect(page.getByTestId('order-refunding')).toHaveCount(0)
  await expect(page.getByTestId('order-timeline')).toContainText('部分退款')

  await logout(page)
  await login(page, 'demo-buyer')
  await opensOrder(page, 'buyer', orderId)
  await expect(orderStatus(page)).toHaveText('已支付')
  await expect(page.getByTestId('order-refunded')).toHaveText('¥10.50')
  await expect(page.getByTestId('order-refunds').getByTestId('refund-status')).toHaveText('已退款')
  await page.screenshot({ path: 'test-results/order-bank-transfer.png', fullPage: true, animations: 'disabled' })
})

/**
 * One live payment per order: a buyer whose bank transfer is still awaited and who tries the card is
 * told to withdraw the transfer first (409), withdraws it from there (撤销转账) and pays by card.
 */
test('a buyer with an awaited transfer who tries the card is told to withdraw it, and can', async ({ page }) => {
  test.setTimeout(240_000)
  const orderId = await buyerPlacesOrder(page, `贵阳市南明区撤销路 ${uniqueSuffix()} 号 机关食堂`)

  await page.getByRole('button', { name: '去支付' }).click()
  const dialog = page.getByTestId('pay-dialog')
  await dialog.getByText('对公转账', { exact: true }).click()
  await dialog.getByRole('button', { name: /下一步/ }).click()
  const reference = (await dialog.getByTestId('transfer-reference').textContent())!.trim()
  await dialog.getByRole('button', { name: '我知道了' }).click()
  const panel = page.getByTestId('transfer-panel')
  await expect(panel.getByTestId('transfer-deadline')).toContainText('前完成转账')
  await expect(panel.getByTestId('transfer-reference')).toHaveText(reference)

  // the card is refused while the transfer is awaited, with the way out
  await page.getByRole('button', { name: '去支付' }).click()
  await dialog.getByText('银行卡', { exact: true }).click()
  await dialog.getByRole('button', { name: /下一步/ }).click()
  const conflict = dialog.getByTestId('pay-conflict')
  await expect(conflict).toContainText(reference)
  await expect(conflict).toContainText('撤销')
  await conflict.getByRole('button', { name: '撤销转账' }).click()
  await expect(page.locator('.el-message-box')).toContainText(reference)
  await messageBoxButton(page, '撤销转账').click()

  // withdrawn: the dialog goes on with the card, which has its own deadline
  await expect(dialog.getByLabel('卡号')).toBeVisible()
  await expect(dialog.getByTestId('card-deadline')).toContainText(/请于 .* 前完成支付（剩余 (29|30) 分钟）/)
  await dialog.getByRole('button', { name: /4242 4242 4242 4242/ }).click()
  await dialog.getByRole('button', { name: /确认支付/ }).click()
  await expect(orderStatus(page)).toHaveText('已支付')
  const payments = page.getByTestId('order-payments')
  await expect(payments).toContainText('已撤销')
  await expect(payments).toContainText('支付成功')
  await expect(page.getByTestId('transfer-panel')).toHaveCount(0)

  // nothing is awaited any more
  await page.goto('/')
  await expect(page.getByTestId('awaiting-transfers')).toBeVisible()
  await expect(page.getByTestId('awaiting-transfer').filter({ hasText: `订单 #${orderId}` })).toHaveCount(0)
})
