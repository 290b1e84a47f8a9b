import { vi } from 'vitest'

export interface Call {
  method: string
  url: string
  headers: Headers
  body: unknown
}

/** Stubs the network under the API wrapper: each answer is [status, json body, content type?]. */
export function stubFetch(answer: (call: Call) => [number, unknown, string?]) {
  const calls: Call[] = []
  const fetch = vi.fn(async (request: Request) => {
    const text = request.body ? await request.text() : ''
    const call = { method: request.method, url: request.url, headers: request.headers, body: text ? JSON.parse(text) : undefined }
    calls.push(call)
    const [status, body, type] = answer(call)
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': type ?? (status >= 400 ? 'application/problem+json' : 'application/json') },
    })
  })
  vi.stubGlobal('fetch', fetch)
  return { fetch, calls }
}
