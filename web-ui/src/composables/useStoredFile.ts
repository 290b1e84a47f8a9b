import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { client, errorMessage } from '@/services/api/client'
import { saveBlob } from '@/services/download'

/** A stored file as pages name it (a transfer slip's `fileId`, `name`, `contentType`). */
export interface FileRef {
  fileId: number
  name: string
  contentType: string
}

/** How long a blob URL handed to a new tab stays valid: the tab reads it at once. */
const BLOB_URL_LIFETIME_MS = 60_000

/**
 * Opens a stored file (GET /files/{id}): the request carries the session's token through the API
 * wrapper, which a link could not, and the browser gets a blob URL, never the token. Images are
 * shown in the page (`preview`); PDFs open in a new tab; what a browser cannot show (OFD), or a
 * blocked tab, is downloaded under its own name.
 */
export function useStoredFile() {
  const opening = ref<number | null>(null)
  const preview = ref<{ url: string; name: string } | null>(null)

  async function fetchBlob(file: FileRef): Promise<Blob> {
    const { data } = await client.GET('/api/v1/files/{id}', {
      params: { path: { id: file.fileId } },
      headers: { Accept: `${file.contentType}, application/problem+json, */*;q=0.1` },
      parseAs: 'blob',
    })
    return data as unknown as Blob
  }

  async function open(file: FileRef): Promise<void> {
    opening.value = file.fileId
    try {
      const blob = await fetchBlob(file)
      if (file.contentType.startsWith('image/')) {
        closePreview()
        preview.value = { url: URL.createObjectURL(blob), name: file.name }
        return
      }
      if (file.contentType === 'application/pdf') {
        const url = URL.createObjectURL(blob)
        const tab = window.open(url, '_blank')
        setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS)
        if (tab) return
      }
      saveBlob(blob, file.name)
      ElMessage.info(`已下载「${file.name}」`)
    } catch (e) {
      ElMessage.error(`打开文件失败：${errorMessage(e)}`)
    } finally {
      opening.value = null
    }
  }

  function closePreview() {
    if (preview.value) URL.revokeObjectURL(preview.value.url)
    preview.value = null
  }

  return { opening, preview, open, closePreview }
}
