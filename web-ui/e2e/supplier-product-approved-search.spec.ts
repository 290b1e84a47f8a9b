import { expect, test } from '@playwright/test'
import { login, logout, uniqueSuffix } from './support'

/**
 * The catalog end to end against the real backend: demo-supplier publishes a product through the
 * form and submits it, demo-operator approves it in 商品审核, and the embedded indexer makes it
 * findable in the storefront search and on the supplier's store page (search `supplier=<id>`).
 */
const SUPPLIER = '雷山县苗岭银球茶农民专业合作社'

test('a product a supplier submits and the operator approves appears in the search', async ({ page }) => {
  const name = `苗岭高山云雾绿茶 E2E${uniqueSuffix()}`

  // 1. the supplier creates the product and submits it for review
  await login(page, 'demo-supplier')
  await page.goto('/supplier/products/new')
  await expect(page.getByRole('heading', { name: '发布商品' })).toBeVisible()

  await page.getByLabel('商品名称').fill(name)

  await page.getByPlaceholder('请选择品类').click()
  await page.getByRole('menuitem', { name: '茶叶', exact: true }).click()
  await page.getByRole('menuitem', { name: '绿茶', exact: true }).click()

  const origin = page.getByTestId('origin-cascader').locator('input').first()
  await expect(origin).toHaveAttribute('placeholder', '请选择产地 省 / 市 / 县（区）')
  await origin.click()
  await page.getByRole('menuitem', { name: '贵州省' }).click()
  await page.getByRole('menuitem', { name: '黔东南苗族侗族自治州' }).click()
  await page.getByRole('menuitem', { name: '雷山县' }).click()
  await expect(origin).toHaveValue(/雷山县/)

  await page.getByLabel('规格').fill('250克/罐')
  await page.getByLabel('计量单位').fill('罐')
  await page.getByLabel('单价（元）').fill('36.80')
  await page.getByRole('spinbutton').fill('120')
  await page.getByRole('button', { name: '保存并提交审核' }).click()

  await expect(page.getByText('已保存并提交审核')).toBeVisible()
  await expect(page).toHaveURL(/\/supplier\/products$/)
  const mine = page.getByTestId('supplier-product-table').getByRole('row').filter({ hasText: name })
  await expect(mine).toContainText('待审核')
  await expect(mine).toContainText('¥36.80 / 罐')
  await expect(mine).toContainText('茶叶 / 绿茶')
  await logout(page)

  // 2. the operator approves it
  await login(page, 'demo-operator')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '商品审核' }).click()
  await expect(page.getByRole('heading', { name: '商品审核' })).toBeVisible()
  const row = page.getByTestId('product-review-table').getByRole('row').filter({ hasText: name })
  await expect(row).toContainText(SUPPLIER)
  await expect(row).toContainText('雷山县')
  await expect(row).toContainText('¥36.80')
  await row.getByRole('button', { name: '通过' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确认通过' }).click()
  await expect(page.getByText(`「${name}」已通过审核并上架`)).toBeVisible()
  await expect(page.getByTestId('product-review-table').getByRole('row').filter({ hasText: name })).toHaveCount(0)
  await logout(page)

  // 3. anyone finds it once the embedded indexer has indexed it
  await page.goto(`/search?q=${encodeURIComponent(name)}`)
  const card = page.getByTestId('product-card').filter({ has: page.getByRole('link', { name, exact: true }) })
  await expect(async () => {
    await page.reload()
    await expect(page.getByTestId('search-total')).toBeVisible({ timeout: 2_000 })
    await expect(card).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000, intervals: [500, 1_000, 2_000] })

  await expect(card).toContainText('¥36.80')
  await expect(card).toContainText('贵州省 · 雷山县')
  await expect(card.getByRole('link', { name: SUPPLIER })).toBeVisible()
  await expect(page.getByText('正在搜索…')).toBeHidden()
  await page.screenshot({ path: 'test-results/supplier-product-approved-search.png', fullPage: true })

  // 4. the supplier's store page lists it too
  await card.getByRole('link', { name: SUPPLIER }).click()
  await expect(page).toHaveURL(/\/suppliers\/\d+/)
  await expect(page.getByTestId('supplier-name')).toHaveText(SUPPLIER)
  await expect(page.getByTestId('product-card').filter({ has: page.getByRole('link', { name, exact: true }) })).toBeVisible()
  await expect(page.getByTestId('product-card').filter({ hasText: '雷山银球茶' }).first()).toBeVisible()
})
