import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { decideAccess } from '@/services/access'
import { useSessionStore } from '@/stores/session'
import type { Role } from '@/services/api/types'

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
    /** reachable while the organisation is PENDING or REJECTED */
    allowUnapproved?: boolean
    /** for placeholder pages: what is coming */
    description?: string
  }
}

const ComingSoonPage = () => import('@/pages/ComingSoonPage.vue')

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/pages/LoginPage.vue'), meta: { title: '登录', public: true, guestOnly: true } },
  { path: '/register', name: 'register', component: () => import('@/pages/RegisterPage.vue'), meta: { title: '单位入驻申请', public: true } },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/pages/DashboardPage.vue'), meta: { allowUnapproved: true } },
      { path: 'dashboard', name: 'dashboard', component: () => import('@/pages/DashboardPage.vue'), meta: { title: '工作台', allowUnapproved: true } },
      {
        path: 'supplier/products',
        name: 'supplier-products',
        component: ComingSoonPage,
        meta: { title: '商品管理', roles: ['SUPPLIER'], description: '商品发布、认证信息上传与上下架管理' },
      },
      {
        path: 'buyer/mall',
        name: 'buyer-mall',
        component: ComingSoonPage,
        meta: { title: '采购商城', roles: ['BUYER'], description: '按产地、品类、认证筛选帮扶产品并下单采购' },
      },
      {
        path: 'buyer/orders',
        name: 'buyer-orders',
        component: ComingSoonPage,
        meta: { title: '我的订单', roles: ['BUYER'], description: '订单支付、收货验收与退款记录' },
      },
      {
        path: 'buyer/quota',
        name: 'buyer-quota',
        component: ComingSoonPage,
        meta: { title: '预留份额', roles: ['BUYER'], description: '年度食堂采购预留份额填报与完成进度' },
      },
      {
        path: 'regulator/overview',
        name: 'regulator-overview',
        component: () => import('@/pages/DashboardPage.vue'),
        meta: { title: '监测总览', roles: ['REGULATOR'] },
      },
      {
        path: 'regulator/units',
        name: 'regulator-units',
        component: ComingSoonPage,
        meta: { title: '单位进度', roles: ['REGULATOR'], description: '辖区内预算单位预留份额填报与完成进度，支持导出' },
      },
      {
        path: 'operator/organizations',
        name: 'operator-organizations',
        component: () => import('@/pages/operator/OrganizationReviewPage.vue'),
        meta: { title: '机构审核', roles: ['OPERATOR'] },
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
    { authenticated: session.isAuthenticated && !!session.me, roles: session.roles, status: session.organizationStatus },
  )
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 惠农集市` : '惠农集市 · 消费帮扶服务平台'
})
