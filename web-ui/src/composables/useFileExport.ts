import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { errorMessage } from '@/services/api/client'
import { EXPORT_MEDIA_TYPES, filenameFromDisposition, saveBlob } from '@/services/download'

export type FileFormat = keyof typeof EXPORT_MEDIA_TYPES

/** What an export adds to its openapi-fetch call: ask for the file's type (problems stay JSON), read a blob. */
export interface FileRequestInit {
  headers: { Accept: string }
  parseAs: 'blob'
}

export interface FileNaming {
  /** the name when the server gives none */
  fallback: string
  /** use `fallback` even when the server names the file */
  ignoreServerName?: boolean
}

/**
 * Server-made files (exports, notices) downloaded with the session's JWT, which a plain link could
 * not send: one at a time per page (`exporting` holds the running download's key, e.g. its format),
 * under the server's file name, with Chinese messages. Resolves to whether the file was saved.
 */
export function useFileExport(failure = '导出失败') {
  const exporting = ref<string | null>(null)

  async function download(
    key: string,
    format: FileFormat,
    fetchFile: (init: FileRequestInit) => Promise<{ data?: unknown; response: Response }>,
    naming: FileNaming,
  ): Promise<boolean> {
    exporting.value = key
    try {
      const { data, response } = await fetchFile({
        // */* too: an endpoint that declares JSON first would answer 406 to its file type alone
        headers: { Accept: `${EXPORT_MEDIA_TYPES[format]}, application/problem+json, */*;q=0.1` },
        parseAs: 'blob',
      })
      const name = naming.ignoreServerName ? naming.fallback : filenameFromDisposition(response.headers.get('Content-Disposition'), naming.fallback)
      saveBlob(data as Blob, name)
      ElMessage.success('已开始下载')
      return true
    } catch (e) {
      ElMessage.error(`${failure}：${errorMessage(e)}`)
      return false
    } finally {
      exporting.value = null
    }
  }

  return { exporting, download }
}
