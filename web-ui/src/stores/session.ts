import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import { client, ok } from '@/services/api/client'
import type { Me, Role } from '@/services/api/types'

const STORAGE_KEY = 'huinong.session'

interface StoredSession {
  token: string
  /** epoch ms */
  expiresAt: number
}

function readStored(): StoredSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (!raw) return null
    const s = JSON.parse(raw) as StoredSession
    if (typeof s.token !== 'string' || typeof s.expiresAt !== 'number' || s.expiresAt <= Date.now()) {
      globalThis.localStorage?.removeItem(STORAGE_KEY)
      return null
    }
    return s
  } catch {
    return null
  }
}

/** The signed-in user: JWT (kept in localStorage) and their `/me` profile. */
export const useSessionStore = defineStore('session', () => {
  const stored = readStored()
  const token = ref<string | null>(stored?.token ?? null)
  const expiresAt = ref<number | null>(stored?.expiresAt ?? null)
  const me = ref<Me | null>(null)
  let loading: Promise<Me> | null = null

  const isAuthenticated = computed(() => !!token.value && (expiresAt.value ?? 0) > Date.now())
  // the roles are the organisation kinds (SUPPLIER, BUYER, REGULATOR, OPERATOR)
  const roles = computed<Role[]>(() => (me.value?.roles ?? []) as Role[])
  const organization = computed(() => me.value?.organization)
  const organizationStatus = computed(() => me.value?.organization?.status)
  const departmentKind = computed(() => me.value?.organization?.departmentKind ?? null)

  function setToken(accessToken: string, expiresInSeconds: number) {
    token.value = accessToken
    expiresAt.value = Date.now() + expiresInSeconds * 1000
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify({ token: accessToken, expiresAt: expiresAt.value }))
  }

  function clear() {
    token.value = null
    expiresAt.value = null
    me.value = null
    loading = null
    globalThis.localStorage?.removeItem(STORAGE_KEY)
  }

  async function loadMe(): Promise<Me> {
    const profile = await ok(client.GET('/api/v1/me'))
    me.value = profile
    return profile
  }

  /** Loads `/me` once per session (concurrent callers share the request). */
  function ensureLoaded(): Promise<Me | null> {
    if (!isAuthenticated.value) return Promise.resolve(null)
    if (me.value) return Promise.resolve(me.value)
    loading ??= loadMe().finally(() => {
      loading = null
    })
    return loading
  }

  async function login(username: string, password: string): Promise<Me> {
    clear()
    const session = await ok(client.POST('/api/v1/auth/login', { body: { username, password } }))
    setToken(session.accessToken, Number(session.expiresIn) || 3600)
    try {
      return await loadMe()
    } catch (e) {
      clear()
      throw e
    }
  }

  /** JWTs are stateless: logging out forgets the token. */
  function logout() {
    clear()
  }

  return { token, expiresAt, me, isAuthenticated, roles, organization, organizationStatus, departmentKind, login, logout, clear, loadMe, ensureLoaded }
})
