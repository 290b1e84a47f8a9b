import { expect, type Page } from '@playwright/test'
import { emptyCart, login, logout } from './support'

/**
 * Shared steps of the ordering specs, on the demo data: 从江香禾糯 (stock 500) of the demo supplier,
 * one unit per run, so the specs can run again and again on the same database.
 */
export const PRODUCT = '从江香禾糯'
export const SUPPLIER = '雷山县苗岭银球茶农民专业合作社'

/** The order detail page's status tag. */
export function orderStatus(page: Page) {
  return page.getByTestId('order-status').first()
}

/** demo-buyer: search, add one unit to the (emptied) cart and open the cart. */
export async function buyerFillsCart(page: Page): Promise<void> {
  await login(page, 'demo-buyer')
  await fillCart(page)
}

/** The signed-in buyer: search, add one unit to the (emptied) cart and open the cart. */
export async function fillCart(page: Page): Promise<void> {
  await emptyCart(page)

  await page.goto('/search')
  await page.getByRole('search').getByLabel('搜索商品').fill('香禾糯')
  await page.getByRole('search').getByRole('button', { name: '搜索' }).click()
  const card = page.getByTestId('product-card').filter({ has: page.getByRole('link', { name: PRODUCT, exact: true }) }).first()
  await expect(card).toBeVisible()
  await card.getByRole('button', { name: '加入采购车' }).click()
  await expect(page.getByText(`已将「${PRODUCT}」加入采购车`)).toBeVisible()
  await expect(page.getByTestId('cart-link')).toContainText('采购车（1）')

  await page.getByTestId('cart-link').click()
  await expect(page).toHaveURL(/\/buyer\/cart$/)
  const group = page.getByTestId('cart-group').filter({ hasText: SUPPLIER })
  await expect(group).toBeVisible()
  await expect(group.getByTestId('cart-lines')).toContainText(PRODUCT)
  await expect(group.getByTestId('cart-group-subtotal')).toContainText('¥99.00')
  await expect(page.getByTestId('cart-total')).toHaveText('¥99.00')
}

/** demo-buyer on the cart page: address, channel, 提交订单; returns the new order's id. */
export async function buyerChecksOut(page: Page, address: string): Promise<number> {
  await page.getByLabel('收货地址').fill(address)
  await page.getByRole('radio', { name: '食堂采购' }).check({ force: true })
  await page.getByRole('button', { name: '提交订单' }).click()

  await expect(page).toHaveURL(/\/buyer\/orders\/\d+$/)
  await expect(orderStatus(page)).toHaveText('待支付')
  await expect(page.getByTestId('order-total')).toHaveText('¥99.00')
  await expect(page.getByTestId('order-lines')).toContainText(PRODUCT)
  return Number(/\/buyer\/orders\/(\d+)$/.exec(page.url())![1])
}

/** demo-supplier: find the order in 订单管理 and open it. */
export async function supplierOpensOrder(page: Page, orderId: number): Promise<void> {
  await logout(page)
  await login(page, 'demo-supplier')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '订单管理' }).click()
  await expect(page).toHaveURL(/\/supplier\/orders$/)
  await page.getByTestId('order-table').getByRole('link', { name: `#${orderId}`, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/supplier/orders/${orderId}$`))
}

/** The confirmation box of ElMessageBox: its button. */
export function messageBoxButton(page: Page, name: string) {
  return page.locator('.el-message-box').getByRole('button', { name })
}

/** demo-buyer: one unit of the product, checked out; returns the new order's id. */
export async function buyerPlacesOrder(page: Page, address: string): Promise<number> {
  await buyerFillsCart(page)
  return buyerChecksOut(page, address)
}

/** The buyer on its order's page: 去支付, card, the success test card; the order is paid. */
export async function buyerPaysByCard(page: Page): Promise<void> {
  await page.getByRole('button', { name: '去支付' }).click()
  const dialog = page.getByTestId('pay-dialog')
  await dialog.getByText('银行卡', { exact: true }).click()
  await dialog.getByRole('button', { name: /下一步/ }).click()
  await dialog.getByRole('button', { name: /4242 4242 4242 4242/ }).click()
  await expect(dialog.getByLabel('卡号')).toHaveValue('4242 4242 4242 4242')
  await dialog.getByRole('button', { name: /确认支付/ }).click()
  await expect(orderStatus(page)).toHaveText('已支付')
}
