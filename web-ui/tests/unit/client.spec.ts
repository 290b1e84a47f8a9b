import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ApiProblem, client, ok } from '@/services/api/client'
import { useSessionStore } from '@/stores/session'
import { me } from './fixtures'
import { stubFetch } from './helpers'

const ME = me('demo-buyer', { id: 7, kind: 'BUYER', name: '雷山县第一中学', creditCode: '91350100M000100Y43', regionCode: '522634' })

describe('API client wrapper', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })
  afterEach(() => vi.unstubAllGlobals())

  it('logs in, keeps the token and sends it as a bearer token', async () => {
    const { calls } = stubFetch((call) =>
      call.url.endsWith('/api/v1/auth/login')
        ? [200, { accessToken: 'jwt-1', tokenType: 'Bearer', expiresIn: 3600, user: { username: 'demo-buyer', roles: ['BUYER'], organizationId: 7 } }]
        : [200, ME],
    )
    const session = useSessionStore()
    await session.login('demo-buyer', 'Demo@2026')

    expect(calls[0]!.body).toEqual({ username: 'demo-buyer', password: 'Demo@2026' })
    expect(calls[0]!.headers.get('Authorization')).toBeNull()
    expect(calls[1]!.url).toMatch(/\/api\/v1\/me$/)
    expect(calls[1]!.headers.get('Authorization')).toBe('Bearer jwt-1')
    expect(session.organization?.name).toBe('雷山县第一中学')
    expect(JSON.parse(localStorage.getItem('huinong.session')!).token).toBe('jwt-1')
  })

  it('throws problem+json answers as ApiProblem with violations', async () => {
    stubFetch(() => [
      400,
      {
        type: 'https://huinong.cn/problems/validation',
        title: '请求参数有误',
        status: 400,
        detail: '提交的信息有误',
        violations: [{ field: 'creditCode', message: '校验位错误，应为 3' }],
      },
    ])
    const error = await ok(client.GET('/api/v1/regions', { params: { query: { level: 'PROVINCE' } } })).catch((e) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({ status: 400, title: '请求参数有误', detail: '提交的信息有误', violations: [{ field: 'creditCode', message: '校验位错误，应为 3' }] })
  })

  it('gives a Chinese message for an error without a problem body', async () => {
    stubFetch(() => [502, undefined, 'text/html'])
    const error = (await ok(client.GET('/api/v1/me')).catch((e) => e)) as ApiProblem
    expect(error.status).toBe(502)
    expect(error.userMessage).toBe('服务暂时不可用，请稍后再试')
  })

  it('reports a network failure as ApiProblem with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const error = (await ok(client.GET('/api/v1/me')).catch((e) => e)) as ApiProblem
    expect(error).toBeInstanceOf(ApiProblem)
    expect(error.status).toBe(0)
    expect(error.userMessage).toBe('网络连接失败，请检查网络后重试')
  })

  it('ends the session on 401 to a request that carried a token', async () => {
    const session = useSessionStore()
    localStorage.setItem('huinong.session', JSON.stringify({ token: 'old', expiresAt: Date.now() + 60_000 }))
    session.token = 'old'
    session.expiresAt = Date.now() + 60_000
    stubFetch(() => [401, { type: 'about:blank', title: 'Unauthorized', status: 401 }])
    const error = await ok(client.GET('/api/v1/me')).catch((e) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect(session.token).toBeNull()
    expect(localStorage.getItem('huinong.session')).toBeNull()
  })

  it('asks for JSON unless the call asks for something else', async () => {
    const { calls } = stubFetch(() => [200, {}])
    await client.GET('/api/v1/me')
    expect(calls[0]!.headers.get('Accept')).toBe('application/json, application/problem+json')
    await client.GET('/api/v1/me', { headers: { Accept: 'text/csv, application/problem+json' }, parseAs: 'text' })
    expect(calls[1]!.headers.get('Accept')).toBe('text/csv, application/problem+json')
  })
})
