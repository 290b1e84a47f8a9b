import { readFile } from 'node:fs/promises'
import { expect, test, type Download, type Page } from '@playwright/test'
import { apiJson, login, logout, uniqueSuffix } from './support'
import { buyerPaysByCard, buyerPlacesOrder, PRODUCT } from './orders'
import { formatFen } from '../src/services/money'

/**
 * Issue 5, the regulator's supply side: the demo buyer buys 从江香禾糯 (from 从江县, 黔东南州) through
 * the UI, then the demo regulator (贵州省商务厅) sees it in 供给侧分析 (figures as the API gives them,
 * a drill-down to the county, a CSV export), opens 滞销预警 and 半年通报 (preview and downloads), and is
 * refused outside 贵州省; a buyer does not get these pages; the operator sees the whole country.
 */

const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))

interface Supply {
  totals: { totalFen: number; orders: number }
}

async function text(download: Download): Promise<string> {
  return (await readFile(await download.path())).toString('utf8')
}

async function downloadOf(page: Page, testid: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()])
  return download
}

test('the regulator sees the supply side, slow products and the half-yearly notice of its region only', async ({ page }) => {
  test.setTimeout(240_000)

  // a sale of this run: 从江香禾糯, paid by card
  await buyerPlacesOrder(page, `贵州省贵阳市南明区供给侧路 ${uniqueSuffix()} 号 食堂`)
  await buyerPaysByCard(page)
  await logout(page)

  await login(page, 'demo-regulator')
  const menu = page.getByTestId('side-menu')

  // 1. 供给侧分析: the region's figures, as the API gives them
  await menu.getByRole('menuitem', { name: '供给侧分析' }).click()
  await expect(page).toHaveURL(/\/monitoring\/supply$/)
  await expect(page.getByTestId('region-breadcrumb')).toContainText('贵州省')
  const province = await apiJson<Supply>(page, `/api/v1/monitoring/supply?year=${YEAR}`)
  expect(province.totals.orders).toBeGreaterThan(0)
  await expect(page.getByTestId('supply-total')).toContainText(formatFen(province.totals.totalFen))
  await expect(page.getByTestId('supply-orders')).toContainText(`${province.totals.orders}`)
  await expect(page.getByRole('img', { name: /净销售额柱状图/ })).toBeVisible()

  const table = page.getByTestId('supply-table')
  await page.getByTestId('supply-tabs').getByRole('tab', { name: '热销商品' }).click()
  await expect(page).toHaveURL(/by=topProducts/)
  await expect(table).toContainText(PRODUCT)
  await page.getByTestId('supply-tabs').getByRole('tab', { name: '按品类' }).click()
  await expect(table.locator('tbody tr').first()).toBeVisible()

  // the counties, exported as CSV with the county's code and figures
  await page.getByTestId('supply-tabs').getByRole('tab', { name: '按产地区县' }).click()
  await expect(table).toContainText('从江县')
  const countyCsv = await downloadOf(page, 'supply-export-csv')
  expect(countyCsv.suggestedFilename()).toBe(`供给侧统计-贵州省-${YEAR}-按产地区县.csv`)
  const countyLines = (await text(countyCsv)).replace(/^\uFEFF/, '').split('\r\n')
  expect(countyLines[0]).toBe('分组,代码,名称,实付金额（元）,退款金额（元）,净销售额（元）,其中计入预留份额（元）,订单数,数量')
  expect(countyLines[1].startsWith('合计,,合计,')).toBe(true)
  expect(countyLines.some((l) => l.startsWith('产地区县,522633,从江县,'))).toBe(true)
  expect(countyLines.slice(2).filter((l) => l).every((l) => l.startsWith('产地区县,'))).toBe(true)
  const allXlsx = await downloadOf(page, 'supply-export-xlsx')
  expect(allXlsx.suggestedFilename()).toBe(`供给侧统计-贵州省-${YEAR}.xlsx`)
  expect((await readFile(await allXlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK')

  // drill down to the county, as on the dashboard
  await table.getByRole('button', { name: '从江县', exact: true }).click()
  await expect(page).toHaveURL(/region=522633/)
  await expect(page.getByTestId('region-breadcrumb')).toContainText('黔东南苗族侗族自治州')
  await expect(page.getByTestId('region-breadcrumb')).toContainText('从江县')
  const county = await apiJson<Supply>(page, `/api/v1/monitoring/supply?year=${YEAR}&region=522633`)
  await expect(page.getByTestId('supply-total')).toContainText(formatFen(county.totals.totalFen))
  await page.screenshot({ path: 'test-results/monitoring-supply.png', fullPage: true, animations: 'disabled' })

  // outside the region: refused, with a way back
  await page.goto('/monitoring/supply?region=110000')
  await expect(page.getByTestId('supply-forbidden')).toContainText('不在本部门的监管范围内')
  await page.getByRole('button', { name: '返回本辖区' }).click()
  await expect(page.getByTestId('supply-total')).toBeVisible()

  // 2. 滞销预警: the window, the count as the API gives it, the export's columns
  await menu.getByRole('menuitem', { name: '滞销预警' }).click()
  await expect(page).toHaveURL(/\/monitoring\/slow-products$/)
  await page.getByTestId('slow-days').getByText('90 天').click()
  await expect(page).toHaveURL(/days=90/)
  const slow = await apiJson<{ total: number }>(page, '/api/v1/monitoring/slow-products?days=90&size=1')
  await expect(page.getByTestId('slow-total')).toHaveText(`${slow.total} 个`)
  if (slow.total === 0) await expect(page.getByTestId('slow-table')).toContainText('没有连续 90 天无销售的商品')
  const slowCsv = await downloadOf(page, 'slow-export-csv')
  expect(slowCsv.suggestedFilename()).toBe('滞销预警-520000-90天.csv')
  const slowLines = (await text(slowCsv)).replace(/^\uFEFF/, '').split('\r\n').filter((l) => l.length > 0)
  expect(slowLines[0]).toBe('商品ID,商品名称,品类,供应商ID,供应商名称,产地代码,产地,单价（元）,库存,上架时间,最近销售时间,距最近销售天数')
  expect(slowLines).toHaveLength(1 + slow.total)
  await page.goto('/monitoring/slow-products?region=110000')
  await expect(page.getByTestId('slow-forbidden')).toContainText('不在本部门的监管范围内')

  // 3. 半年通报: the printable page in a frame, downloads with the token
  await menu.getByRole('menuitem', { name: '半年通报' }).click()
  await expect(page).toHaveURL(/\/monitoring\/notice$/)
  await page.getByTestId('notice-half').getByText('上半年').click()
  await expect(page).toHaveURL(/half=1/)
  const title = `贵州省${YEAR}年上半年预算单位食堂采购脱贫地区农副产品预留份额完成情况通报`
  const preview = page.frameLocator('[data-testid=notice-preview]')
  await expect(preview.locator('h1')).toHaveText(title)
  await expect(preview.locator('body')).toContainText('贵州省机关事务管理局')
  const noticeCsv = await downloadOf(page, 'notice-download-csv')
  expect(noticeCsv.suggestedFilename()).toBe(`${title}.csv`)
  const notice = await text(noticeCsv)
  expect(notice.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(title)
  expect(notice).toContain('贵州省机关事务管理局')
  const noticeXlsx = await downloadOf(page, 'notice-download-xlsx')
  expect(noticeXlsx.suggestedFilename()).toBe(`${title}.xlsx`)
  // a workbook is a zip archive
  expect((await readFile(await noticeXlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK')
  await page.screenshot({ path: 'test-results/monitoring-notice.png', fullPage: true, animations: 'disabled' })
  await page.goto('/monitoring/notice?region=110000')
  await expect(page.getByTestId('notice-forbidden')).toContainText('不在本部门的监管范围内')
  await logout(page)

  // a buyer has no such pages
  await login(page, 'demo-buyer')
  await expect(page.getByTestId('side-menu')).not.toContainText('供给侧分析')
  await page.goto('/monitoring/supply')
  await expect(page.getByText('403 无权访问')).toBeVisible()
  await logout(page)

  // the operator sees the whole country, and can choose any province
  await login(page, 'demo-operator')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '供给侧分析' }).click()
  await expect(page.getByTestId('region-breadcrumb')).toContainText('全国')
  const country = await apiJson<Supply>(page, `/api/v1/monitoring/supply?year=${YEAR}`)
  await expect(page.getByTestId('supply-total')).toContainText(formatFen(country.totals.totalFen))
  await page.goto('/monitoring/supply?region=110000')
  await expect(page.getByTestId('region-breadcrumb')).toContainText('北京市')
  await expect(page.getByTestId('supply-forbidden')).toHaveCount(0)
  await expect(page.getByTestId('supply-total')).toBeVisible()
})
