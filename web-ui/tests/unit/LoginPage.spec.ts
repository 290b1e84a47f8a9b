import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import LoginPage from '@/pages/LoginPage.vue'
import { stubFetch } from './helpers'

function mountLogin() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginPage },
      { path: '/register', component: { template: '<div />' } },
      { path: '/:any(.*)*', component: { template: '<div>home</div>' } },
    ],
  })
  return { router, wrapper: () => mount(LoginPage, { global: { plugins: [pinia, router, ElementPlus] }, attachTo: document.body }) }
}

async function fillAndSubmit(wrapper: ReturnType<typeof mount>) {
  const inputs = wrapper.findAll('input')
  await inputs[0]!.setValue('demo-buyer')
  await inputs[1]!.setValue('wrong-password')
  await wrapper.find('form').trigger('submit')
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(true)
  })
}

describe('LoginPage', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('renders and links to the registration', async () => {
    const { router, wrapper } = mountLogin()
    await router.push('/login')
    const w = wrapper()
    expect(w.text()).toContain('账号登录')
    expect(w.find('a[href="/register"]').text()).toBe('单位入驻申请')
  })

  it('shows the detail of a rejected login', async () => {
    const { calls } = stubFetch(() => [401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: '用户名或密码错误' }])
    const { router, wrapper } = mountLogin()
    await router.push('/login')
    const w = wrapper()
    await fillAndSubmit(w)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.body).toEqual({ username: 'demo-buyer', password: 'wrong-password' })
    expect(w.get('[data-testid="login-error"]').text()).toContain('用户名或密码错误')
    expect(router.currentRoute.value.path).toBe('/login')
  })

  it('says 用户名或密码错误 for a 401 without detail', async () => {
    stubFetch(() => [401, undefined])
    const { router, wrapper } = mountLogin()
    await router.push('/login')
    const w = wrapper()
    await fillAndSubmit(w)
    expect(w.get('[data-testid="login-error"]').text()).toContain('用户名或密码错误')
  })

  it('shows a rate limit message as returned', async () => {
    stubFetch(() => [429, { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: '登录尝试过于频繁，请 5 分钟后再试' }])
    const { router, wrapper } = mountLogin()
    await router.push('/login')
    const w = wrapper()
    await fillAndSubmit(w)
    expect(w.get('[data-testid="login-error"]').text()).toContain('登录尝试过于频繁，请 5 分钟后再试')
  })

  it('asks for both fields in Chinese before calling the API', async () => {
    const { fetch } = stubFetch(() => [500, undefined])
    const { router, wrapper } = mountLogin()
    await router.push('/login')
    const w = wrapper()
    await w.find('form').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.text()).toContain('请输入用户名')
      expect(w.text()).toContain('请输入密码')
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  it('asks for the code when the account has two-factor sign-in, then signs in with it', async () => {
    const me = {
      username: 'demo-buyer',
      roles: ['BUYER'],
      organization: { id: 1, kind: 'BUYER', name: '单位', creditCode: 'x', regionCode: '520102', status: 'APPROVED' },
      security: { totpEnabled: true, totpRequired: false, recoveryCodesLeft: 10, passwordChangeRequired: false },
    }
    const { calls } = stubFetch((call) => {
      if (call.url.endsWith('/api/v1/auth/login')) {
        return [200, { mfaRequired: true, challenge: 'the-challenge', challengeExpiresIn: 300, passwordChangeRequired: false, mfaEnrolmentRequired: false }]
      }
      if (call.url.endsWith('/api/v1/auth/login/totp')) {
        return [200, { accessToken: 'a.b.c', tokenType: 'Bearer', expiresIn: 3600, mfaRequired: false, passwordChangeRequired: false, mfaEnrolmentRequired: false }]
      }
      return [200, me]
    })
    const { router, wrapper } = mountLogin()
    await router.push('/login')
    const w = wrapper()
    const inputs = w.findAll('input')
    await inputs[0]!.setValue('demo-buyer')
    await inputs[1]!.setValue('Demo@2026')
    await w.find('form').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(w.find('[data-testid="totp-step"]').exists()).toBe(true)
    })
    await w.find('[data-testid="totp-step"] input').setValue('123456')
    await w.find('[data-testid="totp-step"]').trigger('submit')
    await vi.waitFor(async () => {
      await flushPromises()
      expect(router.currentRoute.value.path).not.toBe('/login')
    })
    expect(calls[1]!.body).toEqual({ challenge: 'the-challenge', code: '123456' })
    expect(calls[2]!.headers.get('Authorization')).toBe('Bearer a.b.c')
  })
})
