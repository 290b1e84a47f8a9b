import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { decideAccess, RATIO_EXCEPTION_DEPARTMENTS } from '@/services/access'
import { useSessionStore } from '@/stores/session'
import type { DepartmentKind, Role } from '@/services/api/types'

declare module 'vue-router' {
  interface RouteMeta {
    /** page title (also the document title) */
    title?: string
    /** reachable without signing in */
    public?: boolean
    /** only for signed-out visitors (login) */
    guestOnly?: boolean
    /** roles allowed; absent = any signed-in user */
    roles?: readonly Role[]
    /** a REGULATOR reaches the page only with one of these department kinds */
    departments?: readonly DepartmentKind[]
    /** reachable while the organisation is PENDING or REJECTED */
    allowUnapproved?: boolean
  }
}

const ProductFormPage = () => import('@/pages/supplier/ProductFormPage.vue')
const OrderListPage = () => import('@/pages/orders/OrderListPage.vue')
const OrderDetailPage = () => import('@/pages/orders/OrderDetailPage.vue')

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/pages/LoginPage.vue'), meta: { title: '登录', public: true, guestOnly: true } },
  { path: '/register', name: 'register', component: () => import('@/pages/RegisterPage.vue'), meta: { title: '单位入驻申请', public: true } },
  {
    // the public storefront: no login needed (children have root paths)
    path: '/store',
    component: () => import('@/components/store/StoreLayout.vue'),
    meta: { public: true },
    children: [
      { path: '', redirect: '/search' },
      { path: '/search', name: 'search', component: () => import('@/pages/store/SearchPage.vue'), meta: { title: '帮扶产品' } },
      { path: '/products/:id', name: 'product', component: () => import('@/pages/store/ProductPage.vue'), meta: { title: '商品详情' } },
      { path: '/suppliers/:id', name: 'supplier-store', component: () => import('@/pages/store/SupplierStorePage.vue'), meta: { title: '供应商店铺' } },
    ],
  },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/pages/DashboardPage.vue'), meta: { allowUnapproved: true } },
      { path: 'dashboard', name: 'dashboard', component: () => import('@/pages/DashboardPage.vue'), meta: { title: '工作台', allowUnapproved: true } },
      {
        path: 'supplier/products',
        name: 'supplier-products',
        component: () => import('@/pages/supplier/SupplierProductsPage.vue'),
        meta: { title: '商品管理', roles: ['SUPPLIER'] },
      },
      { path: 'supplier/products/new', name: 'supplier-product-new', component: ProductFormPage, meta: { title: '发布商品', roles: ['SUPPLIER'] } },
      {
        path: 'supplier/products/:id/edit',
        name: 'supplier-product-edit',
        component: ProductFormPage,
        meta: { title: '编辑商品', roles: ['SUPPLIER'] },
      },
      {
        path: 'supplier/products/:id/certificates',
        name: 'supplier-product-certificates',
        component: () => import('@/pages/supplier/ProductCertificatesPage.vue'),
        meta: { title: '商品证书', roles: ['SUPPLIER'] },
      },
      { path: 'supplier/orders', name: 'supplier-orders', component: OrderListPage, meta: { title: '订单管理', roles: ['SUPPLIER'] } },
      { path: 'supplier/orders/:id', name: 'supplier-order', component: OrderDetailPage, meta: { title: '订单详情', roles: ['SUPPLIER'] } },
      {
        path: 'supplier/brands',
        name: 'supplier-brands',
        component: () => import('@/pages/supplier/BrandsPage.vue'),
        meta: { title: '品牌', roles: ['SUPPLIER'] },
      },
      {
        path: 'supplier/certificates',
        name: 'supplier-certificates',
        component: () => import('@/pages/supplier/CertificatesPage.vue'),
        meta: { title: '证书', roles: ['SUPPLIER'] },
      },
      {
        path: 'supplier/imports',
        name: 'supplier-imports',
        component: () => import('@/pages/supplier/ProductImportPage.vue'),
        meta: { title: '批量导入', roles: ['SUPPLIER'] },
      },
      {
        path: 'supplier/bank-account',
        name: 'supplier-bank-account',
        component: () => import('@/pages/supplier/BankAccountPage.vue'),
        meta: { title: '对公账户', roles: ['SUPPLIER'] },
      },
      // the 采购商城 of the first release's menu is the public storefront now
      { path: 'buyer/mall', name: 'buyer-mall', redirect: '/search' },
      { path: 'buyer/cart', name: 'buyer-cart', component: () => import('@/pages/buyer/CartPage.vue'), meta: { title: '采购车', roles: ['BUYER'] } },
      { path: 'buyer/orders', name: 'buyer-orders', component: OrderListPage, meta: { title: '我的订单', roles: ['BUYER'] } },
      { path: 'buyer/orders/:id', name: 'buyer-order', component: OrderDetailPage, meta: { title: '订单详情', roles: ['BUYER'] } },
      {
        path: 'buyer/quota',
        name: 'buyer-quota',
        component: () => import('@/pages/buyer/QuotaPlanPage.vue'),
        meta: { title: '预留份额填报', roles: ['BUYER'] },
      },
      {
        path: 'buyer/quota/progress',
        name: 'buyer-quota-progress',
        component: () => import('@/pages/buyer/QuotaProgressPage.vue'),
        meta: { title: '预留份额进度', roles: ['BUYER'] },
      },
      {
        path: 'buyer/subordinates',
        name: 'buyer-subordinates',
        component: () => import('@/pages/buyer/SubordinatesPage.vue'),
        meta: { title: '下属单位', roles: ['BUYER'] },
      },
      {
        path: 'monitoring',
        name: 'monitoring',
        component: () => import('@/pages/monitoring/MonitoringPage.vue'),
        meta: { title: '预留份额监测', roles: ['REGULATOR', 'OPERATOR'] },
      },
      {
        path: 'monitoring/supply',
        name: 'monitoring-supply',
        component: () => import('@/pages/monitoring/SupplySidePage.vue'),
        meta: { title: '供给侧分析', roles: ['REGULATOR', 'OPERATOR'] },
      },
      {
        path: 'monitoring/slow-products',
        name: 'monitoring-slow-products',
        component: () => import('@/pages/monitoring/SlowProductsPage.vue'),
        meta: { title: '滞销预警', roles: ['REGULATOR', 'OPERATOR'] },
      },
      {
        path: 'monitoring/notice',
        name: 'monitoring-notice',
        component: () => import('@/pages/monitoring/NoticePage.vue'),
        meta: { title: '半年通报', roles: ['REGULATOR', 'OPERATOR'] },
      },
      {
        path: 'monitoring/ratio-exceptions',
        name: 'monitoring-ratio-exceptions',
        component: () => import('@/pages/monitoring/RatioExceptionReviewPage.vue'),
        meta: { title: '比例申请审核', roles: ['REGULATOR', 'OPERATOR'], departments: RATIO_EXCEPTION_DEPARTMENTS },
      },
      {
        path: 'monitoring/reminders',
        name: 'monitoring-reminders',
        component: () => import('@/pages/monitoring/ReminderPage.vue'),
        meta: { title: '催办提醒', roles: ['REGULATOR', 'OPERATOR'] },
      },
      // the first release's regulator pages are the monitoring page now
      { path: 'regulator/overview', redirect: '/monitoring' },
      { path: 'regulator/units', redirect: '/monitoring' },
      {
        path: 'operator/organizations',
        name: 'operator-organizations',
        component: () => import('@/pages/operator/OrganizationReviewPage.vue'),
        meta: { title: '机构审核', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/products',
        name: 'operator-products',
        component: () => import('@/pages/operator/ProductReviewPage.vue'),
        meta: { title: '商品审核', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/certifications',
        name: 'operator-certifications',
        component: () => import('@/pages/operator/CertificationReviewPage.vue'),
        meta: { title: '证书审核', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/price-alerts',
        name: 'operator-price-alerts',
        component: () => import('@/pages/operator/PriceAlertsPage.vue'),
        meta: { title: '价格异常', roles: ['OPERATOR'] },
      },
      { path: 'operator/orders', name: 'operator-orders', component: OrderListPage, meta: { title: '订单查询', roles: ['OPERATOR'] } },
      { path: 'operator/orders/:id', name: 'operator-order', component: OrderDetailPage, meta: { title: '订单详情', roles: ['OPERATOR'] } },
      {
        path: 'operator/payments/attention',
        name: 'operator-payment-attention',
        component: () => import('@/pages/operator/PaymentAttentionPage.vue'),
        meta: { title: '支付异常', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/quota/consistency',
        name: 'operator-consistency',
        component: () => import('@/pages/operator/ConsistencyCheckPage.vue'),
        meta: { title: '数据核对', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/search-index',
        name: 'operator-search-index',
        component: () => import('@/pages/operator/SearchIndexPage.vue'),
        meta: { title: '搜索索引', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/designations',
        name: 'operator-designations',
        component: () => import('@/pages/operator/DesignationImportPage.vue'),
        meta: { title: '贫困县名单导入', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/audit',
        name: 'operator-audit',
        component: () => import('@/pages/operator/AuditLogPage.vue'),
        meta: { title: '审计日志', roles: ['OPERATOR'] },
      },
      {
        path: 'operator/accounts',
        name: 'operator-accounts',
        component: () => import('@/pages/operator/AccountSecurityPage.vue'),
        meta: { title: '账号安全', roles: ['OPERATOR'] },
      },
      // every signed-in user's own sign-in settings (also while the organisation awaits review)
      {
        path: 'account/password',
        name: 'account-password',
        component: () => import('@/pages/account/ChangePasswordPage.vue'),
        meta: { title: '修改密码', allowUnapproved: true },
      },
      {
        path: 'account/two-factor',
        name: 'account-two-factor',
        component: () => import('@/pages/account/TwoFactorPage.vue'),
        meta: { title: '两步验证', allowUnapproved: true },
      },
      { path: '403', name: 'forbidden', component: () => import('@/pages/ForbiddenPage.vue'), meta: { title: '无权访问', allowUnapproved: true } },
    ],
  },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/pages/NotFoundPage.vue'), meta: { title: '页面不存在', public: true } },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (session.isAuthenticated) {
    try {
      await session.ensureLoaded()
    } catch {
      // token rejected or /me unavailable: start over at the login page
      session.clear()
    }
  } else if (session.token) {
    session.clear() // expired
  }
  return decideAccess(
    { name: to.name, fullPath: to.fullPath, meta: to.meta },
    {
      authenticated: session.isAuthenticated && !!session.me,
      roles: session.roles,
      status: session.organizationStatus,
      passwordChangeRequired: session.passwordChangeRequired,
      mfaEnrolmentRequired: session.mfaEnrolmentRequired,
      department: session.departmentKind,
    },
  )
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 惠农集市` : '惠农集市 · 消费帮扶服务平台'
})
