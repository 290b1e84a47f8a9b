import { afterEach, describe, expect, it, vi } from 'vitest'

const saved: Array<{ blob: Blob; name: string }> = []
vi.mock('@/services/download', async (original) => ({
  ...(await original<typeof import('@/services/download')>()),
  saveBlob: (blob: Blob, name: string) => saved.push({ blob, name }),
}))
const messages: string[] = []
vi.mock('element-plus', () => ({
  ElMessage: { success: (m: string) => messages.push(`ok:${m}`), error: (m: string) => messages.push(`error:${m}`) },
}))

const { useFileExport } = await import('@/composables/useFileExport')

function answer(disposition: string | null) {
  const headers = new Headers(disposition ? { 'Content-Disposition': disposition } : {})
  return { data: new Blob(['a,b']), response: new Response(null, { headers }) }
}

afterEach(() => {
  saved.length = 0
  messages.length = 0
})

describe('useFileExport', () => {
  it('asks for the file type (problems as JSON), reads a blob and keeps the server-given Chinese name', async () => {
    const { exporting, download } = useFileExport()
    let seen: unknown
    let during: string | null = null
    const ok = await download('CSV', 'CSV', async (init) => {
      seen = init
      during = exporting.value
      return answer("attachment; filename=\"units.csv\"; filename*=UTF-8''%E9%A2%84%E7%95%99%E4%BB%BD%E9%A2%9D.csv")
    }, { fallback: 'x.csv' })
    expect(ok).toBe(true)
    expect(seen).toEqual({ headers: { Accept: 'text/csv, application/problem+json, */*;q=0.1' }, parseAs: 'blob' })
    expect(during).toBe('CSV')
    expect(exporting.value).toBeNull()
    expect(saved.map((s) => s.name)).toEqual(['预留份额.csv'])
    expect(messages).toEqual(['ok:已开始下载'])
  })

  it('uses the fallback when the server names nothing, or when told to', async () => {
    const { download } = useFileExport()
    await download('XLSX', 'XLSX', async () => answer(null), { fallback: '兜底.xlsx' })
    await download('XLSX', 'XLSX', async () => answer('attachment; filename="server.xlsx"'), { fallback: '本单位.xlsx', ignoreServerName: true })
    expect(saved.map((s) => s.name)).toEqual(['兜底.xlsx', '本单位.xlsx'])
  })

  it('says why a download failed, in Chinese, and frees the page for the next one', async () => {
    const { exporting, download } = useFileExport('下载失败')
    const ok = await download('HTML', 'HTML', async () => {
      throw new Error('该地区不在本部门的监管范围内')
    }, { fallback: 'x.html' })
    expect(ok).toBe(false)
    expect(exporting.value).toBeNull()
    expect(saved).toEqual([])
    expect(messages).toEqual(['error:下载失败：该地区不在本部门的监管范围内'])
  })
})
