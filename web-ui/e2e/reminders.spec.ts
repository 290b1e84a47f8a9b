import { expect, test } from '@playwright/test'
import { login, logout } from './support'

/**
 * Reminders (催办) end to end, on demo units no other spec touches:
 *  - 贵阳市第一中学 (demo-school) filed this year's plan (900,000 fen reserved) and bought nothing,
 *    so it is behind the pace: the demo regulator (贵州省商务厅) finds it on 催办提醒, sends a
 *    reminder, and the school sees it on its dashboard and marks it read.
 *  - 雷山县人民政府办公室 (demo-county) files a shared canteen whose representative it chooses by
 *    name in the picker: 雷山县机关事务服务中心 (demo-county-canteen, same county, files an own canteen);
 *    黔东南州人民医院 (another county) is not offered.
 * Repeatable on the same database: a second run on the same day finds the school already reminded
 * (no second message), and the county amends its plan with the same representative.
 */

test('the regulator sends a reminder to a unit behind the pace and the unit sees it', async ({ page }) => {
  test.setTimeout(120_000)
  await login(page, 'demo-regulator')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '催办提醒' }).click()
  await expect(page).toHaveURL(/\/monitoring\/reminders$/)
  await page.getByRole('radiogroup', { name: '事由' }).getByText('进度滞后', { exact: true }).click()
  const row = page.getByTestId('reminders-table').locator('tr.el-table__row', { hasText: '贵阳市第一中学' })
  await expect(row).toBeVisible()
  await expect(row.getByTestId('due-reason')).toHaveText('进度滞后')
  await expect(row).toContainText('距序时进度差 ¥')
  await row.locator('.el-checkbox').click()
  await expect(page.getByTestId('reminders-send-selected')).toContainText('催办所选（1）')
  await page.getByLabel('附言').fill('请本月内加快采购')
  await page.getByTestId('reminders-send-selected').click()
  await page.getByRole('dialog').getByRole('button', { name: '发送' }).click()
  // the first send of the day reminds it; a repeated run finds it reminded today already
  await expect(page.getByText(/已向 1 个单位发送催办|今天已催办过/)).toBeVisible()
  await expect(row.getByTestId('due-reminded')).toBeVisible()

  // exports keep the server's file name
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminders-export-csv').click()])
  expect(download.suggestedFilename()).toMatch(/^催办提醒-.*\.csv$/)
  await page.screenshot({ path: 'test-results/reminders-regulator.png', fullPage: true, animations: 'disabled' })
  await logout(page)

  // the unit sees the reminder on its dashboard, with the computed one, and marks it read
  await login(page, 'demo-school')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '工作台' }).click()
  const reminders = page.getByTestId('quota-reminders')
  await expect(reminders.getByTestId('quota-alert-BEHIND_PACE')).toContainText('还需采购')
  const message = reminders.getByTestId('quota-reminder-message').first()
  await expect(message).toContainText('贵州省商务厅')
  await expect(message).toContainText('进度滞后')
  const read = message.getByTestId('quota-reminder-read')
  if (await read.isVisible()) await read.click()
  await expect(message).toContainText('已读于')
  // and on its progress page
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '预留份额进度' }).click()
  await expect(page).toHaveURL(/\/buyer\/quota\/progress$/)
  await expect(page.getByRole('heading', { name: '预留份额进度' })).toBeVisible()
  await expect(page.getByTestId('quota-reminders').getByTestId('quota-reminder-message').first()).toContainText('贵州省商务厅')
  await page.screenshot({ path: 'test-results/reminders-unit.png', fullPage: true, animations: 'disabled' })
})

test('a shared canteen chooses its representative by name', async ({ page }) => {
  test.setTimeout(90_000)
  await login(page, 'demo-county')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '预留份额填报' }).click()
  await expect(page).toHaveURL(/\/buyer\/quota$/)
  await page.getByTestId('quota-plan-form').getByText('与其他单位共用食堂', { exact: true }).click()
  const picker = page.getByTestId('representative-picker')
  await picker.click()
  // a unit of another county cannot share the canteen: not offered
  await picker.locator('input').fill('黔东南州')
  await expect(page.getByText('没有找到符合条件的单位')).toBeVisible()
  await picker.locator('input').fill('雷山县机关')
  const option = page.getByRole('option', { name: /雷山县机关事务服务中心/ })
  await expect(option).toBeVisible()
  await expect(option).toContainText('已填报·自有食堂')
  await expect(option).toContainText('同县（区）')
  await option.click()
  await page.getByTestId('quota-submit').click()
  await expect(page.getByText(/已(填报|修改) \d{4} 年度计划/)).toBeVisible()
  await expect(page.getByTestId('quota-plan-status')).toContainText('已填报')
  // after a reload the form shows the chosen representative by name
  await page.reload()
  await expect(page.getByTestId('representative-picker')).toContainText('雷山县机关事务服务中心')
  await page.screenshot({ path: 'test-results/representative-picker.png', fullPage: true, animations: 'disabled' })
})
