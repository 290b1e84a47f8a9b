import { expect, test } from '@playwright/test'
import { login } from './support'

/** 数据核对: the operator starts a background check of this year's reserved-share figures and sees what it found. */
test('an operator checks the ledger against the orders in the background and sees the outcome', async ({ page }) => {
  await login(page, 'demo-operator')
  await page.getByTestId('side-menu').getByRole('menuitem', { name: '数据核对' }).click()
  await expect(page).toHaveURL(/\/operator\/quota\/consistency$/)
  await page.getByTestId('consistency-start').click()
  await expect(page.getByText(/已开始核对 \d{4} 年度数据/)).toBeVisible()

  const result = page.getByTestId('consistency-result')
  await expect(result).toBeVisible()
  // the page follows the run until it is done (the demo data takes well under a second)
  await expect(result.getByText('未发现不一致').or(result.getByText(/发现 \d+ 个单位不一致/))).toBeVisible()
  const newest = page.getByTestId('consistency-runs').locator('tbody tr.el-table__row').first()
  await expect(newest).toContainText('已完成')
  await expect(newest).toContainText('demo-operator')
  await page.screenshot({ path: 'test-results/operator-consistency.png', fullPage: true, animations: 'disabled' })
})
