import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { apiJson, login, logout } from './support'

/**
 * A supervising department (主管部门) among the buyers: in the demo data 贵州省机关事务管理局
 * (demo-buyer) supervises 贵阳市第一中学, 黔东南州人民医院 and 雷山县人民政府办公室. It sees their
 * reserved share under 下属单位, filters the units behind the pace and exports them; a unit without
 * subordinates (贵阳市第一中学) is told it has none.
 */

const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
const SUBORDINATES = ['贵阳市第一中学', '黔东南州人民医院', '雷山县人民政府办公室']

test('a supervising department sees and exports its subordinate units; a unit without any is told so', async ({ page }) => {
  test.setTimeout(120_000)
  await login(page, 'demo-buyer')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '下属单位' }).click()
  await expect(page).toHaveURL(/\/buyer\/subordinates$/)

  const summary = await apiJson<{ units: number; filedUnits: number; reservedFen: number }>(page, `/api/v1/monitoring/summary?year=${YEAR}`)
  expect(summary.units).toBeGreaterThanOrEqual(SUBORDINATES.length)
  await expect(page.getByTestId('sub-kpi-units')).toContainText(`${summary.units}家`)
  await expect(page.getByTestId('sub-kpi-not-filed')).toContainText(`${summary.units - summary.filedUnits}家`)
  const table = page.getByTestId('sub-unit-table')
  for (const name of SUBORDINATES) await expect(table).toContainText(name)
  // the department itself is not its own subordinate
  await expect(table).not.toContainText('贵州省机关事务管理局')

  // the filed units without a purchase are behind the pace of the year: the school and the hospital; the county
  // office is never among them (it has not filed, or, once reminders.spec.ts picked its representative, it is a
  // shared canteen's member counted at 雷山县机关事务服务中心)
  await page.getByTestId('sub-status').getByText('未填报').click()
  await expect(page).toHaveURL(/status=NOT_FILED/)
  await expect(table).not.toContainText('贵阳市第一中学')
  await expect(table).not.toContainText('黔东南州人民医院')
  await page.getByTestId('sub-status').getByText('进度滞后').click()
  await expect(page).toHaveURL(/status=LAGGING/)
  await expect(table).toContainText('贵阳市第一中学')
  await expect(table).toContainText('黔东南州人民医院')
  await expect(table).not.toContainText('雷山县人民政府办公室')
  await page.screenshot({ path: 'test-results/supervising-department.png', fullPage: true, animations: 'disabled' })

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sub-export-csv').click()])
  expect(download.suggestedFilename()).toBe(`贵州省机关事务管理局-下属单位预留份额-${YEAR}-进度滞后.csv`)
  const lines = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '').split('\r\n')
  expect(lines[0].split(',').slice(0, 3)).toEqual(['单位ID', '单位名称', '统一社会信用代码'])
  expect(lines.some((l) => l.includes('贵阳市第一中学'))).toBe(true)
  expect(lines.some((l) => l.includes('雷山县人民政府办公室'))).toBe(false)
  await logout(page)

  // a unit without subordinates
  await login(page, 'demo-school')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '下属单位' }).click()
  await expect(page.getByTestId('sub-none')).toContainText('本单位暂无下属单位')
  await expect(page.getByTestId('sub-units')).toHaveCount(0)
})
