/**
 * TEMPORARY hand-written types: replace with types derived from the generated schema (types.ts)
 * once the catalog API is merged.
 *
 * Written from the catalog/search contract (shared/API.md, Catalog). Fields the contract does not
 * spell out (list item shapes of the supplier and operator lists, the review queues, price alerts,
 * expiring certificates) are marked "assumed" and kept optional where the pages can do without.
 */

export type CertificationKind =
  | 'ASSISTANCE_PRODUCT'
  | 'GREEN_FOOD'
  | 'ORGANIC'
  | 'GEOGRAPHICAL_INDICATION'
  | 'FAMOUS_SPECIAL'
  | 'COMPLIANCE_CERTIFICATE'

export type BrandKind = 'REGIONAL_PUBLIC' | 'ENTERPRISE' | 'PRODUCT'

export type ProductStatus = 'DRAFT' | 'PENDING_REVIEW' | 'LISTED' | 'DELISTED'

export type SearchSort = 'relevance' | 'price_asc' | 'price_desc' | 'sales' | 'newest'

/** Ids are numbers or strings on the wire; the pages only pass them back. */
export type Id = number | string

/** A page of a list: `page` is 0-based. */
export interface Paged<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface Category {
  code: string
  name: string
  children?: Category[]
}

export interface SupplierRef {
  id: Id
  name: string
}

export interface Origin {
  /** county code */
  code: string
  /** county name */
  name: string
  /** province name */
  province: string
}

export interface BrandRef {
  id: Id
  name: string
  kind: BrandKind
}

// ---- search ----------------------------------------------------------------------------------

export interface SearchParams {
  q?: string
  category?: string[]
  certification?: string[]
  province?: string[]
  county?: string[]
  brand?: string[]
  brandKind?: string[]
  /** assumed: the supplier store page filters by supplier id (not in the contract) */
  supplier?: string
  minPriceFen?: number
  maxPriceFen?: number
  eligible?: boolean
  inStock?: boolean
  sort?: SearchSort
  page?: number
  size?: number
}

export interface SearchHit {
  id: Id
  name: string
  priceFen: number
  unit: string
  spec: string
  supplier: SupplierRef
  origin: Origin
  brand?: BrandRef | null
  certifications: CertificationKind[]
  eligible: boolean
  stock: number
  /** `name` with the matched terms in <em>; anything else in it must be shown as text */
  highlight?: { name?: string } | null
}

export interface FacetBucket {
  value: string
  label: string
  count: number
}

export type FacetName = 'category' | 'certification' | 'province' | 'brand'

export interface SearchResult extends Paged<SearchHit> {
  facets: Partial<Record<FacetName, FacetBucket[]>>
  /** answered from the database without the search engine: may be incomplete */
  degraded: boolean
}

export interface Suggestion {
  text: string
  productId?: Id | null
}

// ---- product ---------------------------------------------------------------------------------

export interface ProductCertification {
  id: Id
  kind: CertificationKind
  number: string
  issuer: string
  /** YYYY-MM-DD */
  issuedOn: string
  expiresOn?: string | null
  /** review status of the certificate (assumed values: PENDING, APPROVED, REJECTED) */
  status: string
  valid: boolean
}

export interface Product {
  id: Id
  name: string
  categoryCode: string
  categoryName?: string | null
  originRegionCode: string
  origin: Origin
  unit: string
  spec: string
  priceFen: number
  stock: number
  description?: string | null
  imageUrls?: string[] | null
  status: ProductStatus
  supplier: SupplierRef
  brand?: (BrandRef & { inNationalCatalogue?: boolean }) | null
  certifications: ProductCertification[]
  eligible: boolean
  eligibilityReasons?: string[] | null
  priceFlagged?: boolean | null
}

export interface SaveProductRequest {
  name: string
  categoryCode: string
  originRegionCode: string
  unit: string
  spec: string
  priceFen: number
  stock: number
  brandId?: Id
  description?: string
  imageUrls?: string[]
}

export interface ProductCreated {
  id: Id
  status: ProductStatus
}

/** assumed shape of an item of `GET /products?mine=true` */
export interface SupplierProductSummary {
  id: Id
  name: string
  categoryName?: string | null
  priceFen: number
  unit: string
  spec: string
  stock: number
  status: ProductStatus
  eligible?: boolean
  /** assumed: the operator's reason after a rejection (product back in DRAFT) */
  rejectionReason?: string | null
  updatedAt?: string | null
}

// ---- brands and certificates -----------------------------------------------------------------

export interface CreateBrandRequest {
  name: string
  kind: BrandKind
  regionCode?: string
  inNationalCatalogue?: boolean
}

/** assumed shape of an item of `GET /brands?mine=true` */
export interface Brand {
  id: Id
  name: string
  kind: BrandKind
  regionCode?: string | null
  regionName?: string | null
  inNationalCatalogue?: boolean
  createdAt?: string | null
}

export interface AddCertificationRequest {
  kind: CertificationKind
  number: string
  issuer: string
  issuedOn: string
  expiresOn?: string
  evidenceUrl?: string
}

/** assumed shape of an item of `GET /certifications/expiring?days=` */
export interface ExpiringCertification {
  id: Id
  productId: Id
  productName?: string | null
  kind: CertificationKind
  number: string
  expiresOn: string
  daysLeft?: number | null
}

// ---- bulk import -----------------------------------------------------------------------------

export interface ProductImportResult {
  id: Id
  totalRows: number
  createdCount: number
}

/** one bad cell of an uploaded product file (`rowErrors[]` of the 422 problem) */
export interface RowError {
  line: number
  column: string
  value: string
  message: string
}

// ---- operator --------------------------------------------------------------------------------

export type Decision = 'APPROVE' | 'REJECT'

export interface DecisionRequest {
  decision: Decision
  reason?: string
}

/** assumed shape of an item of `GET /products/review-queue` */
export interface ProductReviewItem {
  id: Id
  name: string
  categoryName?: string | null
  priceFen: number
  unit: string
  spec: string
  supplier: SupplierRef
  origin?: Origin | null
  eligible?: boolean
  priceFlagged?: boolean | null
  submittedAt?: string | null
}

/** assumed shape of an item of `GET /certifications/review-queue` */
export interface CertificationReviewItem {
  id: Id
  productId: Id
  productName?: string | null
  supplier?: SupplierRef | null
  kind: CertificationKind
  number: string
  issuer: string
  issuedOn: string
  expiresOn?: string | null
  evidenceUrl?: string | null
  submittedAt?: string | null
}

/** assumed shape of an item of `GET /products/price-alerts` */
export interface PriceAlert {
  productId: Id
  productName: string
  supplier?: SupplierRef | null
  categoryName?: string | null
  priceFen: number
  /** the price the product's price is compared with (e.g. the category median) */
  referenceFen?: number | null
  /** e.g. 2.5 = 250 % of the reference */
  ratio?: number | null
  reason?: string | null
  flaggedAt?: string | null
}

export interface IndexRebuild {
  running: boolean
  done: number
  total: number
  docsPerSecond: number
  startedAt: string
  finishedAt?: string | null
}

export interface SearchIndexStatus {
  alias: string
  index: string
  documents: number
  backlog: number
  lagSeconds: number
  lastError?: string | null
  rebuild?: IndexRebuild | null
}
