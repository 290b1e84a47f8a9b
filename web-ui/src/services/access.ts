/**
 * Who may see what: side menus per role and the route guard's decision, as pure functions (the
 * router and the layout only apply them).
 */
import type { DepartmentKind, OrganizationStatus, Role } from './api/types'

export type MenuIcon =
  | 'home'
  | 'goods'
  | 'shop'
  | 'cart'
  | 'orders'
  | 'quota'
  | 'monitor'
  | 'progress'
  | 'review'
  | 'import'
  | 'audit'
  | 'brand'
  | 'certificate'
  | 'productReview'
  | 'alert'
  | 'index'
  | 'bank'
  | 'supply'
  | 'slow'
  | 'notice'
  | 'subordinates'
  | 'account'

export interface MenuItem {
  label: string
  path: string
  icon: MenuIcon
  /** for a REGULATOR: only departments of these kinds see the item (e.g. ratio exceptions: finance) */
  departments?: readonly DepartmentKind[]
}

/** A lower ratio (比例申请) is decided by finance departments (and operators), not by commerce or others. */
export const RATIO_EXCEPTION_DEPARTMENTS: readonly DepartmentKind[] = ['FINANCE']

/** The monitoring pages, for regulators and operators alike, with 比例申请审核 as each of them has it. */
function monitoringMenu(ratioExceptions: Omit<MenuItem, 'label' | 'path'>): MenuItem[] {
  return [
    { label: '预留份额监测', path: '/monitoring', icon: 'monitor' },
    { label: '供给侧分析', path: '/monitoring/supply', icon: 'supply' },
    { label: '滞销预警', path: '/monitoring/slow-products', icon: 'slow' },
    { label: '半年通报', path: '/monitoring/notice', icon: 'notice' },
    { label: '比例申请审核', path: '/monitoring/ratio-exceptions', ...ratioExceptions },
    { label: '催办提醒', path: '/monitoring/reminders', icon: 'alert' },
  ]
}

export const ROLE_MENUS: Record<Role, MenuItem[]> = {
  SUPPLIER: [
    { label: '工作台', path: '/dashboard', icon: 'home' },
    { label: '商品管理', path: '/supplier/products', icon: 'goods' },
    { label: '订单管理', path: '/supplier/orders', icon: 'orders' },
    { label: '品牌', path: '/supplier/brands', icon: 'brand' },
    { label: '证书', path: '/supplier/certificates', icon: 'certificate' },
    { label: '批量导入', path: '/supplier/imports', icon: 'import' },
    { label: '对公账户', path: '/supplier/bank-account', icon: 'bank' },
  ],
  BUYER: [
    { label: '工作台', path: '/dashboard', icon: 'home' },
    // the public storefront, in its own layout
    { label: '采购商城', path: '/search', icon: 'shop' },
    { label: '采购车', path: '/buyer/cart', icon: 'cart' },
    { label: '我的订单', path: '/buyer/orders', icon: 'orders' },
    { label: '预留份额填报', path: '/buyer/quota', icon: 'quota' },
    { label: '预留份额进度', path: '/buyer/quota/progress', icon: 'progress' },
    // a supervising department (主管部门) sees its subordinate units; the page says so when there are none
    { label: '下属单位', path: '/buyer/subordinates', icon: 'subordinates' },
  ],
  REGULATOR: monitoringMenu({ icon: 'review', departments: RATIO_EXCEPTION_DEPARTMENTS }),
  OPERATOR: [
    { label: '机构审核', path: '/operator/organizations', icon: 'review' },
    { label: '商品审核', path: '/operator/products', icon: 'productReview' },
    { label: '证书审核', path: '/operator/certifications', icon: 'certificate' },
    { label: '价格异常', path: '/operator/price-alerts', icon: 'alert' },
    { label: '订单查询', path: '/operator/orders', icon: 'orders' },
    { label: '支付异常', path: '/operator/payments/attention', icon: 'bank' },
    { label: '搜索索引', path: '/operator/search-index', icon: 'index' },
    { label: '贫困县名单导入', path: '/operator/designations', icon: 'import' },
    { label: '审计日志', path: '/operator/audit', icon: 'audit' },
    { label: '账号安全', path: '/operator/accounts', icon: 'account' },
    ...monitoringMenu({ icon: 'progress' }),
    { label: '数据核对', path: '/operator/quota/consistency', icon: 'audit' },
  ],
}

/** The organisation may act only once approved. */
export function canAct(status: OrganizationStatus | undefined): boolean {
  return (status ?? 'APPROVED') === 'APPROVED'
}

/** Side menu: the union of the roles' menus (a regulator's by its department kind); none but the dashboard while not approved. */
export function menuFor(roles: readonly Role[], status: OrganizationStatus | undefined, department?: DepartmentKind | null): MenuItem[] {
  if (!canAct(status)) return [{ label: '工作台', path: '/dashboard', icon: 'home' }]
  const seen = new Set<string>()
  const items: MenuItem[] = []
  for (const role of roles) {
    for (const item of ROLE_MENUS[role] ?? []) {
      if (item.departments && !(department && item.departments.includes(department))) continue
      if (!seen.has(item.path)) {
        seen.add(item.path)
        items.push(item)
      }
    }
  }
  return items
}

/** Where a signed-in user lands. */
export function homeFor(roles: readonly Role[], status: OrganizationStatus | undefined, department?: DepartmentKind | null): string {
  if (!canAct(status)) return '/dashboard'
  return menuFor(roles, status, department)[0]?.path ?? '/dashboard'
}

export interface RouteInfo {
  name?: string | symbol | null
  fullPath: string
  meta: {
    public?: boolean
    guestOnly?: boolean
    roles?: readonly Role[]
    /** a REGULATOR reaches the page only with one of these department kinds (other roles in `roles` always) */
    departments?: readonly DepartmentKind[]
    allowUnapproved?: boolean
  }
}

export interface SessionInfo {
  authenticated: boolean
  roles: readonly Role[]
  status: OrganizationStatus | undefined
  /** after an operator's reset: nothing but 修改密码 until a new password is set */
  passwordChangeRequired?: boolean
  /** a role that must sign in with TOTP and has not enrolled: nothing but 两步验证 until it has */
  mfaEnrolmentRequired?: boolean
  department?: DepartmentKind | null
}

const PASSWORD_PAGE = '/account/password'
const TWO_FACTOR_PAGE = '/account/two-factor'

export type Decision = true | { path: string; query?: Record<string, string>; replace?: boolean }

/** The guard's decision for a navigation to `to`. */
export function decideAccess(to: RouteInfo, session: SessionInfo): Decision {
  if (to.meta.public) {
    if (to.meta.guestOnly && session.authenticated) return { path: homeFor(session.roles, session.status, session.department), replace: true }
    return true
  }
  if (!session.authenticated) {
    return to.fullPath === '/' ? { path: '/login' } : { path: '/login', query: { redirect: to.fullPath } }
  }
  if (session.passwordChangeRequired && to.fullPath !== PASSWORD_PAGE) return { path: PASSWORD_PAGE, replace: true }
  if (session.mfaEnrolmentRequired && to.fullPath !== TWO_FACTOR_PAGE) return { path: TWO_FACTOR_PAGE, replace: true }
  if (to.name === 'home') return { path: homeFor(session.roles, session.status, session.department), replace: true }
  const roles = to.meta.roles
  const departments = to.meta.departments
  const allowed = (r: Role) =>
    session.roles.includes(r) && (r !== 'REGULATOR' || !departments || (!!session.department && departments.includes(session.department)))
  if (roles && !roles.some(allowed)) {
    return { path: '/403', query: { from: to.fullPath }, replace: true }
  }
  if (!to.meta.allowUnapproved && !canAct(session.status)) return { path: '/dashboard', replace: true }
  return true
}
