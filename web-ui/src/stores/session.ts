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

  // a session that may only change its password / enrol a second factor until that is done
  const passwordChangeRequired = computed(() => !!me.value?.security?.passwordChangeRequired)
  const mfaEnrolmentRequired = computed(
    () => !!me.value?.security?.totpRequired && !me.value?.security?.totpEnabled && !passwordChangeRequired.value,
  )

  async function signedIn(accessToken: string, expiresIn: number | null | undefined): Promise<Me> {
    setToken(accessToken, Number(expiresIn) || 3600)
    try {
      return await loadMe()
    } catch (e) {
      clear()
      throw e
    }
  }

  /**
   * Username and password. A user with a second factor gets `{ challenge }` back instead of a session: send it
   * with a code to {@link loginWithCode}.
   */
  async function login(username: string, password: string): Promise<Me | { challenge: string }> {
    clear()
    const answer = await ok(client.POST('/api/v1/auth/login', { body: { username, password } }))
    if (answer.mfaRequired && answer.challenge) return { challenge: answer.challenge }
    if (!answer.accessToken) throw new Error('登录答复缺少令牌')
    return signedIn(answer.accessToken, answer.expiresIn)
  }

  /** The second sign-in step: the challenge and a 6-digit code from the authenticator app (or a recovery code). */
  async function loginWithCode(challenge: string, code: string): Promise<Me> {
    const answer = await ok(client.POST('/api/v1/auth/login/totp', { body: { challenge, code } }))
    if (!answer.accessToken) throw new Error('登录答复缺少令牌')
    return signedIn(answer.accessToken, answer.expiresIn)
  }

  /** Ends the session on the server (the token is refused everywhere from then on), then forgets it. */
  async function logout() {
    if (token.value) {
      try {
        await client.POST('/api/v1/auth/logout')
      } catch {
        // already ended or unreachable: the token is forgotten here either way
      }
    }
    clear()
  }

  return {
    token,
    expiresAt,
    me,
    isAuthenticated,
    roles,
    organization,
    organizationStatus,
    departmentKind,
    passwordChangeRequired,
    mfaEnrolmentRequired,
    login,
    loginWithCode,
    logout,
    clear,
    loadMe,
    ensureLoaded,
  }
})
