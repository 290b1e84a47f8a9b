import { expect, test } from '@playwright/test'
import { login, logout, sideMenu, uniqueCreditCode, uniqueSuffix } from './support'

test('a supplier registers, the operator approves it, and its admin logs in', async ({ page }) => {
  const suffix = uniqueSuffix()
  const orgName = `雷山县银球茶专业合作社E2E${suffix}`
  const creditCode = uniqueCreditCode()
  const username = `e2e-${suffix}`
  const password = 'Leishan2026'

  // 1. registration (anonymous)
  await page.goto('/register')
  await expect(page.getByRole('heading', { name: '单位入驻申请' })).toBeVisible()
  await page.getByRole('radio', { name: '供应商' }).check({ force: true })
  await page.getByLabel('单位名称').fill(orgName)
  // live validation while typing, lowercase is uppercased
  const creditInput = page.getByLabel('统一社会信用代码')
  await creditInput.fill(creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0'))
  await expect(page.getByText(/校验位错误，应为 /)).toBeVisible()
  await creditInput.fill(creditCode.toLowerCase())
  await expect(creditInput).toHaveValue(creditCode)
  await expect(page.getByTestId('credit-code-ok')).toBeVisible()

  await page.getByTestId('region-cascader').locator('input').first().click()
  await page.getByRole('menuitem', { name: '贵州省' }).click()
  await page.getByRole('menuitem', { name: '黔东南苗族侗族自治州' }).click()
  await page.getByRole('menuitem', { name: '雷山县' }).click()
  await expect(page.getByTestId('region-cascader').locator('input')).toHaveValue(/雷山县/)

  await page.getByLabel('联系人', { exact: true }).fill('杨春梅')
  await page.getByLabel('联系电话').fill('0855-3331234')
  await page.getByLabel('管理员用户名').fill(username)
  await page.getByLabel('登录密码').fill(password)
  await page.getByLabel('确认密码').fill(password)
  await page.getByRole('button', { name: '提交申请' }).click()

  await expect(page.getByText('已提交，等待平台审核')).toBeVisible()
  await expect(page.getByTestId('registration-success')).toContainText(orgName)

  // 2. the operator approves it
  await login(page, 'demo-operator')
  await page.goto('/operator/organizations')
  await expect(page.getByRole('tab', { name: '待审核', selected: true })).toBeVisible()
  await page.getByPlaceholder('搜索单位名称或统一社会信用代码').fill(creditCode)
  await page.getByRole('button', { name: '查询' }).click()
  const row = page.getByRole('row').filter({ hasText: orgName })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText(creditCode)
  await row.getByRole('button', { name: '通过' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '确认通过' }).click()
  await expect(page.getByText(`已通过「${orgName}」的入驻申请`)).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: orgName })).toHaveCount(0)
  await logout(page)

  // 3. the new admin logs in and sees the approved organisation
  await login(page, username, password)
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByTestId('organization-name')).toHaveText(orgName)
  await expect(page.getByTestId('organization-status')).toHaveText('已通过')
  await expect(page.getByTestId('organization-info')).toContainText(creditCode)
  await expect(page.getByTestId('org-status-banner')).toHaveCount(0)
  await expect(page.getByTestId('user-menu')).toContainText(orgName)
  await expect(page.getByTestId('user-role')).toHaveText('供应商')
  // an approved supplier gets the supplier portal (not just the dashboard a pending one sees)
  await expect(sideMenu(page).first()).toContainText('工作台')
  await expect(sideMenu(page).filter({ hasText: '商品管理' })).toHaveCount(1)

  await page.screenshot({ path: 'test-results/registration-approval-login.png', fullPage: true, animations: 'disabled' })
})
