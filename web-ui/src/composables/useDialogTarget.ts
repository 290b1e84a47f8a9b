import { ref, type Ref } from 'vue'

/** A dialog about one item (the row whose 驳回 was clicked, the refund to confirm): the item, and whether it is open. */
export function useDialogTarget<T>() {
  const target = ref(null) as Ref<T | null>
  const open = ref(false)

  function openFor(item: T) {
    target.value = item
    open.value = true
  }

  return { target, open, openFor }
}
