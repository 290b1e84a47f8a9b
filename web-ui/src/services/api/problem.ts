/** One field-level message of a 400 problem (`violations[]`). */
export interface Violation {
  field: string
  message: string
}

/** One bad line of an uploaded file (`lineErrors[]` of a 422 problem). */
export interface LineError {
  line: number
  value: string
  message: string
}

/**
 * One bad cell of an uploaded product file (`rowErrors[]` of a 422 problem); `line` counts from 1
 * including the header. Problem bodies are not in the OpenAPI document.
 */
export interface RowError {
  line: number
  column: string
  value: string
  message: string
}

const GENERIC_TITLES: Record<number, string> = {
  400: '请求内容有误',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '操作与当前状态冲突',
  413: '文件过大',
  422: '不符合业务规则',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后再试',
  502: '服务暂时不可用，请稍后再试',
  503: '服务暂时不可用，请稍后再试',
  504: '服务响应超时，请稍后再试',
}

/**
 * An error answered by the API as `application/problem+json` (RFC 9457), or a transport failure
 * (status 0). Extra members of the problem (e.g. `lineErrors`) stay available in `body`.
 */
export class ApiProblem extends Error {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail?: string
  readonly violations: Violation[]
  readonly body: Record<string, unknown>

  constructor(init: { type?: string; title?: string; status: number; detail?: string; violations?: Violation[]; body?: Record<string, unknown> }) {
    const title = init.title || GENERIC_TITLES[init.status] || `请求失败（${init.status}）`
    super(init.detail || title)
    this.name = 'ApiProblem'
    this.type = init.type || 'about:blank'
    this.title = title
    this.status = init.status
    this.detail = init.detail
    this.violations = init.violations ?? []
    this.body = init.body ?? {}
  }

  /** What to show a person: the detail, else the title (a Chinese fallback for an English title). */
  get userMessage(): string {
    if (this.detail) return this.detail
    if (/[\u4e00-\u9fff]/.test(this.title)) return this.title
    return GENERIC_TITLES[this.status] ?? this.title
  }

  /** An extension member of the problem body, e.g. `lineErrors`. */
  extension<T>(name: string): T | undefined {
    return this.body[name] as T | undefined
  }

  /** Builds the problem from an error response's status, content type and text. */
  static fromText(status: number, text: string): ApiProblem {
    let body: unknown
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = undefined
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return new ApiProblem({ status })
    }
    const b = body as Record<string, unknown>
    const violations = Array.isArray(b.violations)
      ? b.violations
          .filter((v): v is Record<string, unknown> => !!v && typeof v === 'object')
          .map((v) => ({ field: String(v.field ?? ''), message: String(v.message ?? '') }))
      : []
    return new ApiProblem({
      type: typeof b.type === 'string' ? b.type : undefined,
      title: typeof b.title === 'string' ? b.title : undefined,
      status: typeof b.status === 'number' ? b.status : status,
      detail: typeof b.detail === 'string' ? b.detail : undefined,
      violations,
      body: b,
    })
  }

  static async fromResponse(response: Response): Promise<ApiProblem> {
    let text = ''
    try {
      text = await response.text()
    } catch {
      // body unreadable: keep the status only
    }
    return ApiProblem.fromText(response.status, text)
  }

  /** A request that never got an answer (offline, server down, proxy error). */
  static network(cause?: unknown): ApiProblem {
    const problem = new ApiProblem({ status: 0, title: '网络连接失败，请检查网络后重试', type: 'about:network' })
    if (cause !== undefined) (problem as { cause?: unknown }).cause = cause
    return problem
  }
}

/** Any error as a message for a person. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.userMessage
  if (error instanceof Error && error.message) return error.message
  return '操作失败，请稍后再试'
}
