import { expect, test, type Page } from '@playwright/test'

/**
 * The storefront search as a canteen buyer types (issue 12), without signing in, on the demo catalog: every demo
 * product comes from 黔东南 in 贵州; 雷山银球茶 (绿茶) and 雷山红茶 (红茶) are in the category 茶叶, from 雷山县.
 */
async function searchFor(page: Page, text: string) {
  const box = page.getByRole('search').getByLabel('搜索商品')
  await box.fill(text)
  await page.getByRole('search').getByRole('button', { name: '搜索' }).click()
  await expect(page.getByRole('heading', { name: `“${text}”的搜索结果` })).toBeVisible()
}

const card = (page: Page, name: string) =>
  page.getByTestId('product-card').filter({ has: page.getByRole('link', { name, exact: true }) })

test('茶叶 and a pinyin word find tea, and suggestions appear while typing', async ({ page }) => {
  await page.goto('/search')
  await searchFor(page, '茶叶')
  await expect(card(page, '雷山银球茶')).toBeVisible()
  await expect(card(page, '雷山红茶')).toBeVisible()
  await expect(card(page, '黎平香菇')).toHaveCount(0)

  await searchFor(page, 'hongcha')
  await expect(card(page, '雷山红茶')).toBeVisible()
  await expect(card(page, '雷山银球茶')).toHaveCount(0)

  const box = page.getByRole('search').getByLabel('搜索商品')
  await box.fill('')
  await box.pressSequentially('yqc', { delay: 80 })
  const option = page.locator('.search-box__option', { hasText: '雷山银球茶' }).first()
  await expect(option).toBeVisible()
  await option.click()
  await expect(page).toHaveURL(/\/products\/[^/?#]+$/)
  await expect(page.getByRole('heading', { level: 1, name: '雷山银球茶' })).toBeVisible()
})

test('the county facet narrows the results to one county', async ({ page }) => {
  await page.goto('/search?province=520000')
  const counties = page.getByTestId('facet-county')
  // Element Plus hides the native checkbox: the label is what a buyer clicks
  const leishan = counties.locator('label', { hasText: '雷山县' })
  await expect(leishan).toBeVisible()
  await expect(card(page, '黎平香菇')).toBeVisible()
  await leishan.click()
  await expect(page).toHaveURL(/county=522634/)
  await expect(card(page, '雷山银球茶')).toBeVisible()
  await expect(card(page, '黎平香菇')).toHaveCount(0)
  await expect(counties.locator('label', { hasText: '黎平县' })).toBeVisible() // the facet keeps the others
})

test('a search that finds nothing offers help', async ({ page }) => {
  await page.goto('/search?q=' + encodeURIComponent('黎平 红茶'))
  await expect(page.getByTestId('search-empty')).toBeVisible()
  const didYouMean = page.getByTestId('did-you-mean')
  await expect(didYouMean).toBeVisible()
  await didYouMean.click()
  await expect(page.getByTestId('search-results')).toBeVisible()
})
