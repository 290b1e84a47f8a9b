import { computed, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import { client, ok } from '@/services/api/client'
import type { CartView } from '@/services/api/types'
import { useSessionStore } from './session'

/**
 * The signed-in buyer user's 采购车, kept on the server (GET/PUT/DELETE /cart): shared by the product
 * page, the search results, the store header and the cart page.
 */
export const useCartStore = defineStore('cart', () => {
  const cart = shallowRef<CartView | null>(null)
  const loading = ref(false)
  const session = useSessionStore()

  const isBuyer = computed(() => session.isAuthenticated && session.roles.includes('BUYER') && session.organizationStatus === 'APPROVED')
  const lineCount = computed(() => cart.value?.lines.length ?? 0)
  // another user signed in (or out): not their cart
  watch(
    () => session.me?.username,
    () => {
      cart.value = null
    },
  )

  async function load(): Promise<CartView | null> {
    if (!isBuyer.value) {
      cart.value = null
      return null
    }
    loading.value = true
    try {
      cart.value = await ok(client.GET('/api/v1/cart'))
      return cart.value
    } finally {
      loading.value = false
    }
  }

  /** Loads once (e.g. for the header's count); errors leave the count empty. */
  async function ensureLoaded(): Promise<void> {
    if (cart.value || !isBuyer.value) return
    try {
      await load()
    } catch {
      // the count is a convenience: the cart page shows the error
    }
  }

  function quantityOf(productId: number): number {
    return cart.value?.lines.find((l) => l.productId === productId)?.quantity ?? 0
  }

  /** Sets a product's quantity (adds the line when missing). */
  async function put(productId: number, quantity: number): Promise<CartView> {
    cart.value = await ok(client.PUT('/api/v1/cart/lines/{productId}', { params: { path: { productId } }, body: { quantity } }))
    return cart.value
  }

  /** Adds `quantity` to what the cart holds of the product. */
  async function add(productId: number, quantity: number): Promise<CartView> {
    if (!cart.value) await load()
    return put(productId, quantityOf(productId) + quantity)
  }

  async function remove(productId: number): Promise<CartView> {
    cart.value = await ok(client.DELETE('/api/v1/cart/lines/{productId}', { params: { path: { productId } } }))
    return cart.value
  }

  /** After a checkout the server has emptied the cart. */
  function emptied() {
    cart.value = { lines: [], totalFen: 0 }
  }

  return { cart, loading, isBuyer, lineCount, load, ensureLoaded, quantityOf, put, add, remove, emptied }
})
