import { describe, expect, it } from 'vitest'
import { decideAccess, homeFor, menuFor, type RouteInfo, type SessionInfo } from '@/services/access'
import { router } from '@/router'

const approved = (roles: SessionInfo['roles']): SessionInfo => ({ authenticated: true, roles, status: 'APPROVED' })
const anonymous: SessionInfo = { authenticated: false, roles: [], status: undefined }

function route(path: string, meta: RouteInfo['meta'] = {}, name?: string): RouteInfo {
  return { name, fullPath: path, meta }
}

describe('role menus', () => {
  it.each([
    ['SUPPLIER', ['工作台', '商品管理', '订单管理', '品牌', '证书', '批量导入', '对公账户']],
    ['BUYER', ['工作台', '采购商城', '采购车', '我的订单', '预留份额填报', '预留份额进度', '下属单位']],
    ['REGULATOR', ['预留份额监测', '供给侧分析', '滞销预警', '半年通报', '催办提醒']],
    ['OPERATOR', ['机构审核', '商品审核', '证书审核', '价格异常', '订单查询', '支付异常', '搜索索引', '贫困县名单导入', '审计日志', '账号安全', '预留份额监测', '供给侧分析', '滞销预警', '半年通报', '比例申请审核', '催办提醒', '数据核对']],
  ] as const)('%s sees %j', (role, labels) => {
    expect(menuFor([role], 'APPROVED').map((i) => i.label)).toEqual(labels)
  })

  it('offers the ratio exception review to finance departments and operators, not to commerce or others', () => {
    const labels = (department: Parameters<typeof menuFor>[2]) => menuFor(['REGULATOR'], 'APPROVED', department).map((i) => i.label)
    expect(labels('FINANCE')).toEqual(['预留份额监测', '供给侧分析', '滞销预警', '半年通报', '比例申请审核', '催办提醒'])
    for (const kind of ['COMMERCE', 'AGRICULTURE', 'RURAL_REVITALIZATION', 'SUPERVISING', null] as const) {
      expect(labels(kind)).not.toContain('比例申请审核')
    }
    expect(menuFor(['OPERATOR'], 'APPROVED').map((i) => i.label)).toContain('比例申请审核')
    const review = router.resolve('/monitoring/ratio-exceptions')
    const to = { name: review.name, fullPath: review.fullPath, meta: review.meta }
    const regulator = (department: SessionInfo['department']): SessionInfo => ({ ...approved(['REGULATOR']), department })
    expect(decideAccess(to, regulator('FINANCE'))).toBe(true)
    expect(decideAccess(to, regulator('COMMERCE'))).toEqual({ path: '/403', query: { from: '/monitoring/ratio-exceptions' }, replace: true })
    expect(decideAccess(to, approved(['OPERATOR']))).toBe(true)
    // the rest of monitoring stays open to every regulator
    const monitoring = router.resolve('/monitoring/reminders')
    expect(decideAccess({ name: monitoring.name, fullPath: monitoring.fullPath, meta: monitoring.meta }, regulator('COMMERCE'))).toBe(true)
  })

  it.each(['PENDING', 'REJECTED'] as const)('offers no action menus while %s', (status) => {
    expect(menuFor(['BUYER'], status).map((i) => i.label)).toEqual(['工作台'])
    expect(homeFor(['OPERATOR'], status)).toBe('/dashboard')
  })

  it('lands each role on its first menu item', () => {
    expect(homeFor(['SUPPLIER'], 'APPROVED')).toBe('/dashboard')
    expect(homeFor(['REGULATOR'], 'APPROVED')).toBe('/monitoring')
    expect(homeFor(['OPERATOR'], 'APPROVED')).toBe('/operator/organizations')
  })

  it('has a route for every menu item', () => {
    for (const role of ['SUPPLIER', 'BUYER', 'REGULATOR', 'OPERATOR'] as const) {
      for (const item of menuFor([role], 'APPROVED')) expect(router.resolve(item.path).name, item.path).not.toBe('not-found')
    }
  })

  it('sends the first release regulator pages to the monitoring page', () => {
    expect(router.resolve('/regulator/overview').matched.at(-1)?.redirect).toBe('/monitoring')
    expect(router.resolve('/regulator/units').matched.at(-1)?.redirect).toBe('/monitoring')
    expect(router.resolve('/monitoring').meta.roles).toEqual(['REGULATOR', 'OPERATOR'])
    expect(router.resolve('/buyer/quota/progress').meta.roles).toEqual(['BUYER'])
  })

  it('offers the buyer the public storefront as 采购商城', () => {
    expect(menuFor(['BUYER'], 'APPROVED').find((i) => i.label === '采购商城')?.path).toBe('/search')
    const search = router.resolve('/search?q=茶')
    expect(search.name).toBe('search')
    expect(search.meta.public).toBe(true)
    expect(router.resolve('/products/42').meta.public).toBe(true)
    expect(router.resolve('/suppliers/7').meta.public).toBe(true)
    expect(router.resolve('/buyer/mall').matched.at(-1)?.redirect).toBe('/search')
  })
})

describe('route guard', () => {
  it('sends anonymous visitors to the login page with the way back', () => {
    expect(decideAccess(route('/operator/audit?page=2', { roles: ['OPERATOR'] }), anonymous)).toEqual({
      path: '/login',
      query: { redirect: '/operator/audit?page=2' },
    })
  })

  it('lets anyone reach public pages, and sends signed-in users away from the login page', () => {
    expect(decideAccess(route('/register', { public: true }), anonymous)).toBe(true)
    expect(decideAccess(route('/login', { public: true, guestOnly: true }), anonymous)).toBe(true)
    expect(decideAccess(route('/login', { public: true, guestOnly: true }), approved(['OPERATOR']))).toEqual({
      path: '/operator/organizations',
      replace: true,
    })
  })

  it('shows the 403 page for another role’s page', () => {
    expect(decideAccess(route('/operator/organizations', { roles: ['OPERATOR'] }), approved(['SUPPLIER']))).toEqual({
      path: '/403',
      query: { from: '/operator/organizations' },
      replace: true,
    })
  })

  it('lets a role into its pages', () => {
    expect(decideAccess(route('/operator/organizations', { roles: ['OPERATOR'] }), approved(['OPERATOR']))).toBe(true)
    expect(decideAccess(route('/dashboard', { allowUnapproved: true }), approved(['BUYER']))).toBe(true)
  })

  it('keeps members of a pending organisation on the dashboard', () => {
    const pending: SessionInfo = { authenticated: true, roles: ['SUPPLIER'], status: 'PENDING' }
    expect(decideAccess(route('/supplier/products', { roles: ['SUPPLIER'] }), pending)).toEqual({ path: '/dashboard', replace: true })
    expect(decideAccess(route('/dashboard', { allowUnapproved: true }), pending)).toBe(true)
  })

  it('keeps a session whose password was reset on the password page', () => {
    const reset = { ...approved(['BUYER']), passwordChangeRequired: true }
    expect(decideAccess(route('/buyer/orders', { roles: ['BUYER'] }), reset)).toEqual({ path: '/account/password', replace: true })
    expect(decideAccess(route('/account/password', { allowUnapproved: true }), reset)).toBe(true)
  })

  it('keeps an operator who must enrol a second factor on the two-factor page', () => {
    const enrol = { ...approved(['OPERATOR']), mfaEnrolmentRequired: true }
    expect(decideAccess(route('/operator/audit', { roles: ['OPERATOR'] }), enrol)).toEqual({
      path: '/account/two-factor',
      replace: true,
    })
    expect(decideAccess(route('/account/two-factor', { allowUnapproved: true }), enrol)).toBe(true)
  })

  it('resolves the root to the role’s home', () => {
    expect(decideAccess(route('/', {}, 'home'), approved(['BUYER']))).toEqual({ path: '/dashboard', replace: true })
    expect(decideAccess(route('/', {}, 'home'), anonymous)).toEqual({ path: '/login' })
  })
})
