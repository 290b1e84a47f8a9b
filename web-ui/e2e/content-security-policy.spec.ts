import { expect, test, type Page } from '@playwright/test'
import { login, logout } from './support'
import { menuFor } from '../src/services/access'
import type { DepartmentKind, Role } from '../src/services/api/types'

/**
 * The Content-Security-Policy the server sends (ADR 11) is one the built app satisfies: every main page of every
 * role (each menu entry, the public storefront, login and registration, the 通报 preview in its sandboxed frame)
 * loads with no `securitypolicyviolation` event and no "Refused to ..." console message, in any frame.
 */

const ACCOUNTS: { username: string; role: Role; department?: DepartmentKind }[] = [
  { username: 'demo-supplier', role: 'SUPPLIER' },
  { username: 'demo-buyer', role: 'BUYER' },
  { username: 'demo-regulator', role: 'REGULATOR', department: 'COMMERCE' },
  { username: 'demo-finance', role: 'REGULATOR', department: 'FINANCE' },
  { username: 'demo-operator', role: 'OPERATOR' },
]

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`,
      )
    })
  })
  page.on('console', (m) => {
    if (m.text().includes('Refused to')) violations.push(`${page.url()}: ${m.text()}`)
  })
  return violations
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle')
  await expect(page.locator('#app')).not.toBeEmpty()
}

test('public pages load without a CSP violation', async ({ page }) => {
  const violations = await watchViolations(page)
  for (const path of ['/search', '/search?q=茶', '/login', '/register']) {
    await page.goto(path)
    await settle(page)
  }
  const response = await page.goto('/search')
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
  await page.getByTestId('product-card').first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/products\/\d+/)
  await settle(page)
  expect(violations).toEqual([])
})

for (const account of ACCOUNTS) {
  test(`every page of ${account.username} loads without a CSP violation`, async ({ page }) => {
    test.setTimeout(120_000)
    const violations = await watchViolations(page)
    await login(page, account.username)
    for (const item of menuFor([account.role], 'APPROVED', account.department)) {
      await page.goto(item.path)
      await settle(page)
      await expect(page.getByText('403 无权访问'), item.path).toHaveCount(0)
      if (item.path === '/monitoring/notice') {
        // the printable notice, previewed in a sandboxed srcdoc frame that inherits the policy
        await expect(page.frameLocator('[data-testid="notice-preview"]').locator('table').first()).toBeVisible({ timeout: 30_000 })
      }
    }
    await logout(page)
    expect(violations).toEqual([])
  })
}
