import { expect, test } from '@playwright/test'
import { login, logout, sideMenu } from './support'

const ACCOUNTS = [
  { username: 'demo-supplier', role: '供应商', home: /\/dashboard$/, menu: ['工作台', '商品管理', '订单管理', '品牌', '证书', '批量导入', '对公账户'] },
  { username: 'demo-buyer', role: '采购单位', home: /\/dashboard$/, menu: ['工作台', '采购商城', '采购车', '我的订单', '预留份额填报', '预留份额进度', '下属单位'] },
  { username: 'demo-regulator', role: '监管部门', home: /\/monitoring$/, menu: ['预留份额监测', '供给侧分析', '滞销预警', '半年通报', '催办提醒'] },
  { username: 'demo-finance', role: '监管部门', home: /\/monitoring$/, menu: ['预留份额监测', '供给侧分析', '滞销预警', '半年通报', '比例申请审核', '催办提醒'] },
  { username: 'demo-operator', role: '平台运营', home: /\/operator\/organizations$/, menu: ['机构审核', '商品审核', '证书审核', '价格异常', '订单查询', '支付异常', '搜索索引', '贫困县名单导入', '审计日志', '账号安全', '预留份额监测', '供给侧分析', '滞销预警', '半年通报', '比例申请审核', '催办提醒', '数据核对'] },
]

for (const account of ACCOUNTS) {
  test(`${account.username} logs in and sees the ${account.role} menu`, async ({ page }) => {
    await login(page, account.username)
    await expect(page).toHaveURL(account.home)
    await expect(page.getByTestId('user-role')).toHaveText(account.role)
    await expect(page.getByTestId('org-status-banner')).toHaveCount(0)
    const items = sideMenu(page)
    await expect(items).toHaveCount(account.menu.length)
    for (const [i, label] of account.menu.entries()) {
      await expect(items.nth(i)).toContainText(label)
    }
    await logout(page)
  })
}

test('a wrong password is refused with a Chinese message', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('用户名').fill('demo-buyer')
  await page.getByLabel('密码', { exact: true }).fill('not-the-password-1')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('login-error')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})

test('a supplier is shown the 403 page for operator pages', async ({ page }) => {
  await login(page, 'demo-supplier')
  await page.goto('/operator/organizations')
  await expect(page.getByText('403 无权访问')).toBeVisible()
})

test('an unknown address shows the 404 page', async ({ page }) => {
  await page.goto('/no-such-page')
  await expect(page.getByText('404 页面不存在')).toBeVisible()
})
