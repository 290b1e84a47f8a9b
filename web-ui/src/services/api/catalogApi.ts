/**
 * TEMPORARY typed calls for the catalog and search API, which the generated schema does not
 * contain yet. Every call goes through THE wrapper (`client`, `upload`): same bearer token,
 * problem+json -> ApiProblem and 401 handling. Once the catalog API is merged, replace these with
 * `client.GET('/api/v1/catalog/search', …)` and types from types.ts, and delete this file and
 * catalogTypes.ts.
 */
import { client, ok, upload } from './client'
import type {
  AddCertificationRequest,
  Brand,
  Category,
  CertificationReviewItem,
  CreateBrandRequest,
  DecisionRequest,
  ExpiringCertification,
  Id,
  Paged,
  PriceAlert,
  Product,
  ProductCreated,
  ProductImportResult,
  ProductReviewItem,
  ProductStatus,
  SaveProductRequest,
  SearchIndexStatus,
  SearchParams,
  SearchResult,
  Suggestion,
  SupplierProductSummary,
} from './catalogTypes'

type Query = Record<string, string | number | boolean | readonly string[] | undefined>
interface UntypedInit {
  params?: { path?: Record<string, Id>; query?: Query }
  body?: unknown
  parseAs?: 'json' | 'blob' | 'text'
  headers?: Record<string, string>
}
type UntypedCall = (path: string, init?: UntypedInit) => Promise<{ data?: unknown; error?: unknown; response: Response }>

/** The wrapper's client without the compile-time path check (the paths are not generated yet). */
const untyped = client as unknown as { GET: UntypedCall; POST: UntypedCall; PUT: UntypedCall }
const untypedUpload = upload as unknown as (
  path: string,
  fields: Record<string, string | Blob | undefined>,
  onProgress?: (percent: number) => void,
) => Promise<unknown>

const V1 = '/api/v1'

function get<T>(path: string, query?: Query, pathParams?: Record<string, Id>): Promise<T> {
  return ok(untyped.GET(`${V1}${path}`, { params: { path: pathParams, query } })) as Promise<T>
}

function post<T>(path: string, body?: unknown, pathParams?: Record<string, Id>): Promise<T> {
  return ok(untyped.POST(`${V1}${path}`, { params: { path: pathParams }, body })) as Promise<T>
}

function put<T>(path: string, body: unknown, pathParams: Record<string, Id>): Promise<T> {
  return ok(untyped.PUT(`${V1}${path}`, { params: { path: pathParams }, body })) as Promise<T>
}

/** A list answered either as a bare array or as a page (the contract does not say for every list). */
export function itemsOf<T>(answer: T[] | Paged<T> | null | undefined): T[] {
  if (!answer) return []
  return Array.isArray(answer) ? answer : (answer.items ?? [])
}

/** Empty arrays and empty strings are left out of the query. */
function compact(query: Record<string, unknown>): Query {
  const out: Query = {}
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue
    if (Array.isArray(v) && v.length === 0) continue
    out[k] = v as Query[string]
  }
  return out
}

export const catalogApi = {
  // storefront (anonymous)
  categories: () => get<Category[]>('/catalog/categories'),
  search: (params: SearchParams) => get<SearchResult>('/catalog/search', compact({ ...params })),
  suggest: (q: string) => get<Suggestion[]>('/catalog/suggest', { q }),
  product: (id: Id) => get<Product>('/products/{id}', undefined, { id }),

  // supplier
  myProducts: (query: { status?: ProductStatus; page: number; size: number }) =>
    get<Paged<SupplierProductSummary>>('/products', compact({ mine: true, ...query })),
  createProduct: (body: SaveProductRequest) => post<ProductCreated>('/products', body),
  updateProduct: (id: Id, body: SaveProductRequest) => put<unknown>('/products/{id}', body, { id }),
  submitProduct: (id: Id) => post<unknown>('/products/{id}/submission', undefined, { id }),
  delistProduct: (id: Id) => post<unknown>('/products/{id}/delisting', undefined, { id }),
  myBrands: () => get<Brand[] | Paged<Brand>>('/brands', { mine: true }).then(itemsOf),
  createBrand: (body: CreateBrandRequest) => post<Brand>('/brands', body),
  addCertification: (productId: Id, body: AddCertificationRequest) =>
    post<unknown>('/products/{id}/certifications', body, { id: productId }),
  expiringCertifications: (days = 60) =>
    get<ExpiringCertification[] | Paged<ExpiringCertification>>('/certifications/expiring', { days }).then(itemsOf),
  importProducts: (file: File, submit: boolean, onProgress?: (percent: number) => void) =>
    // `submit` both as a form field and in the query: the contract does not say which one it reads
    untypedUpload(`${V1}/products/imports${submit ? '?submit=true' : ''}`, { file, submit: submit ? 'true' : undefined }, onProgress) as Promise<ProductImportResult>,
  importTemplate: async (): Promise<Blob> => {
    const { data } = await untyped.GET(`${V1}/products/imports/template.csv`, {
      parseAs: 'blob',
      headers: { Accept: 'text/csv, application/problem+json' },
    })
    return data as Blob
  },

  // operator
  productReviewQueue: (page: number, size: number) => get<Paged<ProductReviewItem>>('/products/review-queue', { page, size }),
  decideProduct: (id: Id, body: DecisionRequest) => post<unknown>('/products/{id}/decision', body, { id }),
  certificationReviewQueue: (page: number, size: number) =>
    get<Paged<CertificationReviewItem>>('/certifications/review-queue', { page, size }),
  decideCertification: (id: Id, body: DecisionRequest) => post<unknown>('/certifications/{id}/decision', body, { id }),
  priceAlerts: (page: number, size: number) =>
    get<PriceAlert[] | Paged<PriceAlert>>('/products/price-alerts', { page, size }).then((a) =>
      Array.isArray(a) ? { items: a, page: 0, size: a.length, total: a.length } : a,
    ),
  indexStatus: () => get<SearchIndexStatus>('/search/index/status'),
  rebuildIndex: () => post<unknown>('/search/index/rebuild'),
}
