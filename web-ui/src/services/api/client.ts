/**
 * THE wrapper around the API: a typed openapi-fetch client generated from the backend's OpenAPI
 * document. It adds the session's bearer token, turns every error answer into a thrown
 * {@link ApiProblem}, and on a 401 of a request that carried a token tells the application (which ends
 * the session and goes to the login page). It knows nothing of the session store or the router: `main.ts`
 * configures it once with {@link configureClient}, so no import cycle runs through it.
 *
 *   const page = await ok(client.GET('/api/v1/organizations', { params: { query: { status: 'PENDING' } } }))
 */
import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'
import { ApiProblem } from './problem'

export { ApiProblem, errorMessage } from './problem'
export type { LineError, RowError, Violation } from './problem'

/** Node's Request (unit tests) needs absolute URLs; browsers resolve '/api/...' against the page. */
class PageRelativeRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    const base = globalThis.location?.href
    super(typeof input === 'string' && base ? new URL(input, base).href : input, init)
  }
}

/** What the application tells the client once, at start-up. */
export interface ClientSettings {
  /** The session's bearer token, asked for on every request (null: none). */
  token: () => string | null
  /** A 401 answered a request that carried a token: the session is over. */
  onUnauthorised: () => void | Promise<void>
}

let settings: ClientSettings = { token: () => null, onUnauthorised: () => undefined }

/** Called once from `main.ts` (and from the unit tests' setup). */
export function configureClient(next: Partial<ClientSettings>): void {
  settings = { ...settings, ...next }
}

function bearerToken(): string | null {
  return settings.token()
}

async function sessionExpired(): Promise<void> {
  await settings.onUnauthorised()
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = bearerToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    // JSON unless the call asks for something else (e.g. a CSV download)
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json, application/problem+json')
    return request
  },
}

const problems: Middleware = {
  async onResponse({ request, response }) {
    if (response.ok) return undefined
    const problem = await ApiProblem.fromResponse(response.clone())
    if (response.status === 401 && request.headers.has('Authorization')) await sessionExpired()
    throw problem
  },
  onError({ error }) {
    return error instanceof ApiProblem ? error : ApiProblem.network(error)
  },
}

export const client = createClient<paths>({
  baseUrl: '',
  Request: PageRelativeRequest,
  // resolved per call, so tests can stub globalThis.fetch
  fetch: (request: Request) => globalThis.fetch(request),
})
client.use(auth, problems)

/**
 * The data of a successful call. Error answers never get here: the middleware throws them as
 * {@link ApiProblem}.
 */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, response } = await call
  if (!response.ok) throw await ApiProblem.fromResponse(response)
  return data as T
}

type MultipartPath = {
  [P in keyof paths]: paths[P] extends { post: { requestBody: { content: { 'multipart/form-data': unknown } } } } ? P : never
}[keyof paths]
type MultipartFields<P extends MultipartPath> = paths[P] extends {
  post: { requestBody: { content: { 'multipart/form-data': infer B } } }
}
  ? { [K in keyof B]?: string | Blob }
  : never
type Responses<P extends MultipartPath> = paths[P] extends { post: { responses: infer R } } ? R : never
type CreatedBody<P extends MultipartPath> =
  Responses<P>[Extract<keyof Responses<P>, 200 | 201>] extends { content: { 'application/json': infer R } } ? R : never

/**
 * A multipart POST with upload progress (fetch cannot report it), with the same token, problem and
 * 401 handling as {@link client}.
 */
export function upload<P extends MultipartPath>(
  path: P,
  fields: MultipartFields<P>,
  onProgress?: (percent: number) => void,
): Promise<CreatedBody<P>> {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields as Record<string, string | Blob | undefined>)) {
    if (value === undefined) continue
    if (value instanceof File) form.append(name, value, value.name)
    else form.append(name, value)
  }
  const token = bearerToken()
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)))
    }
    xhr.onerror = () => reject(ApiProblem.network())
    xhr.onload = async () => {
      onProgress?.(100) // the server answers once it has the whole file
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as CreatedBody<P>)
        } catch (e) {
          reject(ApiProblem.network(e))
        }
        return
      }
      const problem = ApiProblem.fromText(xhr.status, xhr.responseText)
      if (xhr.status === 401 && token) await sessionExpired()
      reject(problem)
    }
    xhr.send(form)
  })
}
