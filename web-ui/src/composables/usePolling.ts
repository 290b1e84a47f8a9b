import { onBeforeUnmount } from 'vue'

/**
 * Calls `tick` every `intervalMs` while started; a tick never overlaps the previous one, and the
 * timer stops with the component.
 */
export function usePolling(tick: () => Promise<unknown>, intervalMs: number) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let active = false

  function schedule() {
    timer = setTimeout(async () => {
      timer = null
      try {
        await tick()
      } finally {
        if (active) schedule()
      }
    }, intervalMs)
  }

  function start() {
    if (active) return
    active = true
    schedule()
  }

  function stop() {
    active = false
    if (timer) clearTimeout(timer)
    timer = null
  }

  onBeforeUnmount(stop)
  return { start, stop, isActive: () => active }
}
