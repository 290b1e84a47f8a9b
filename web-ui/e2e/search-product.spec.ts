import { expect, test } from '@playwright/test'

/**
 * The storefront without signing in: search, open a result, see its certificates.
 * Needs the catalog's demo data: the LISTED product 雷山银球茶 of 雷山县苗岭银球茶农民专业合作社 with
 * a green food (绿色食品) certificate.
 */
const PRODUCT = '雷山银球茶'
const SUPPLIER = '雷山县苗岭银球茶农民专业合作社'

test('an anonymous visitor finds 雷山银球茶 and sees its certificates', async ({ page }) => {
  await page.goto('/search')
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible()

  const box = page.getByRole('search').getByLabel('搜索商品')
  await box.fill('银球茶')
  await page.getByRole('search').getByRole('button', { name: '搜索' }).click()

  await expect(page).toHaveURL(/\/search\?q=/)
  await expect(page.getByRole('heading', { name: '“银球茶”的搜索结果' })).toBeVisible()
  const card = page.getByTestId('product-card').filter({ hasText: SUPPLIER }).filter({ has: page.getByRole('link', { name: PRODUCT, exact: true }) }).first()
  await expect(card).toBeVisible()
  await expect(card.getByTestId('certification-tag').filter({ hasText: '绿色食品' })).toBeVisible()

  await card.getByRole('link', { name: PRODUCT, exact: true }).click()

  await expect(page).toHaveURL(/\/products\/[^/?#]+$/)
  await expect(page.getByRole('heading', { level: 1, name: PRODUCT })).toBeVisible()
  await expect(page.getByTestId('supplier-link')).toHaveText(SUPPLIER)
  await expect(page.getByTestId('eligibility')).toBeVisible()
  const certificates = page.getByTestId('certificate-table')
  const greenFood = certificates.getByRole('row').filter({ hasText: '绿色食品' })
  await expect(greenFood).toBeVisible()
  await expect(greenFood).toContainText(/GF\d{12}/)
  await expect(greenFood).toContainText('有效')
})
