import type { Router } from 'vue-router'
import { configureClient } from '@/services/api/client'
import { useSessionStore } from '@/stores/session'

/**
 * Connects the API client to the session: the store's token goes out as the bearer token, and a 401 on a
 * request that carried one ends the session and (given the router) goes to the login page, back to where
 * the user was once signed in again. Called once from `main.ts`; the unit tests call it without a router.
 */
export function connectApiToSession(router?: Router): void {
  configureClient({
    token: () => useSessionStore().token,
    onUnauthorised: async () => {
      useSessionStore().clear()
      if (!router) return
      const current = router.currentRoute.value
      // before the first navigation completes the route guard handles it
      if (current.matched.length > 0 && current.name !== 'login') {
        await router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
      }
    },
  })
}
