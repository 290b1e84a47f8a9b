/**
 * Names for the wire types the pages use, all DERIVED from the generated `paths` (by path and
 * method, not by the backend's schema names): nothing here is written by hand.
 */
import type { paths } from './schema'

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never
type ResponsesOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never

/** JSON body of a path/method's success response (200 or 201, whichever the document lists). */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> = JsonOf<
  ResponsesOf<P, M>[Extract<keyof ResponsesOf<P, M>, 200 | 201>]
>

/** JSON request body of a path/method. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } }
}
  ? B
  : never

/** Query parameters of a path/method. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q }
}
  ? NonNullable<Q>
  : never

// Identity
export type LoginRequest = RequestBody<'/api/v1/auth/login', 'post'>
export type LoginResponse = ResponseBody<'/api/v1/auth/login', 'post'>
export type Me = ResponseBody<'/api/v1/me', 'get'>
export type MeOrganization = Me['organization']
export type OrganizationStatus = MeOrganization['status']
export type OrganizationKind = MeOrganization['kind']
/** A user's role is its organisation's kind: SUPPLIER, BUYER, REGULATOR or OPERATOR. */
export type Role = OrganizationKind
export type DepartmentKind = NonNullable<MeOrganization['departmentKind']>
export type RegistrationRequest = RequestBody<'/api/v1/organizations/registrations', 'post'>
export type RegistrationKind = RegistrationRequest['kind']
export type RegistrationResult = ResponseBody<'/api/v1/organizations/registrations', 'post'>
export type OrganizationQuery = QueryOf<'/api/v1/organizations', 'get'>
export type OrganizationPage = ResponseBody<'/api/v1/organizations', 'get'>
export type OrganizationSummary = OrganizationPage['items'][number]
export type DecisionRequest = RequestBody<'/api/v1/organizations/{id}/decision', 'post'>
export type AccountSecurity = Me['security']
export type AccountPage = ResponseBody<'/api/v1/users', 'get'>
export type AccountSummary = AccountPage['items'][number]

// Regions
export type Region = ResponseBody<'/api/v1/regions', 'get'>[number]
export type RegionLevel = Region['level']
export type DesignationImportResult = ResponseBody<'/api/v1/regions/designations/imports', 'post'>
export type DesignationKind = DesignationImportResult['kind']
export type DesignationImportMode = DesignationImportResult['mode']
export type DesignationImportPage = ResponseBody<'/api/v1/regions/designations/imports', 'get'>
export type DesignationImportSummary = DesignationImportPage['items'][number]

// Audit
export type AuditQuery = QueryOf<'/api/v1/audit-events', 'get'>
export type AuditEventPage = ResponseBody<'/api/v1/audit-events', 'get'>
export type AuditEvent = AuditEventPage['items'][number]

// Catalog
export type Category = ResponseBody<'/api/v1/catalog/categories', 'get'>[number]
export type ProductView = ResponseBody<'/api/v1/products/{id}', 'get'>
export type ProductStatus = ProductView['status']
export type ProductCertification = ProductView['certifications'][number]
export type CertificationKind = ProductCertification['kind']
export type CertificationStatus = ProductCertification['status']
export type ProductRequest = RequestBody<'/api/v1/products', 'post'>
export type ProductQuery = QueryOf<'/api/v1/products', 'get'>
export type ProductPage = ResponseBody<'/api/v1/products', 'get'>
/** A product in lists: own products, the review queue and the price alerts all answer this. */
export type ProductSummary = ProductPage['items'][number]
export type ProductReviewPage = ResponseBody<'/api/v1/products/review-queue', 'get'>
export type PriceAlertPage = ResponseBody<'/api/v1/products/price-alerts', 'get'>
export type ReviewDecisionRequest = RequestBody<'/api/v1/products/{id}/decision', 'post'>
export type ReviewDecision = ReviewDecisionRequest['decision']
export type CertificationRequest = RequestBody<'/api/v1/products/{id}/certifications', 'post'>
export type CertificationPage = ResponseBody<'/api/v1/certifications/review-queue', 'get'>
/** A certification: the review queue and the expiring list answer this. */
export type Certification = CertificationPage['items'][number]
export type ExpiringCertificationPage = ResponseBody<'/api/v1/certifications/expiring', 'get'>
export type BrandPage = ResponseBody<'/api/v1/brands', 'get'>
export type Brand = BrandPage['items'][number]
export type BrandKind = Brand['kind']
export type CreateBrandRequest = RequestBody<'/api/v1/brands', 'post'>
export type ProductImport = ResponseBody<'/api/v1/products/imports/{id}', 'get'>

/**
 * What POST /products answers (201, `{id, status}`): the OpenAPI document lists the 201 without a
 * body, so it is named here from the fields of the product view it shares.
 */
export type ProductCreated = Pick<ProductView, 'id' | 'status'>

// Search
export type SearchQuery = QueryOf<'/api/v1/catalog/search', 'get'>
export type SearchResult = ResponseBody<'/api/v1/catalog/search', 'get'>
export type SearchItem = SearchResult['items'][number]
export type SearchFacets = SearchResult['facets']
export type FacetName = keyof SearchFacets
export type FacetBucket = SearchFacets[FacetName][number]
export type Suggestion = ResponseBody<'/api/v1/catalog/suggest', 'get'>[number]
export type IndexStatus = ResponseBody<'/api/v1/search/index/status', 'get'>
export type IndexRebuild = IndexStatus['rebuild']

// Ordering and payments
export type CartView = ResponseBody<'/api/v1/cart', 'get'>
export type CartLine = CartView['lines'][number]
export type CartCheckoutRequest = RequestBody<'/api/v1/cart/checkout', 'post'>
export type Channel = NonNullable<CartCheckoutRequest['channel']>
export type OrderQuery = QueryOf<'/api/v1/orders', 'get'>
export type OrderPage = ResponseBody<'/api/v1/orders', 'get'>
export type OrderSummary = OrderPage['items'][number]
export type OrderStatus = OrderSummary['status']
export type OrderView = ResponseBody<'/api/v1/orders/{id}', 'get'>
export type OrderLine = OrderView['lines'][number]
export type OrderHistoryEntry = OrderView['history'][number]
export type OrderInvoice = OrderView['invoice']
export type AcceptanceRequest = RequestBody<'/api/v1/orders/{id}/acceptance', 'post'>
export type ShipmentRequest = RequestBody<'/api/v1/orders/{id}/shipment', 'post'>
export type InvoiceRequestRequest = RequestBody<'/api/v1/orders/{id}/invoice-request', 'put'>
export type IssuedInvoiceRequest = RequestBody<'/api/v1/orders/{id}/invoice', 'put'>
export type PaymentRequest = RequestBody<'/api/v1/orders/{id}/payments', 'post'>
export type PaymentMethod = PaymentRequest['method']
/** A payment as creating it, the confirmation and the receipt answer it. */
export type PaymentView = ResponseBody<'/api/v1/payments/{id}/confirmation', 'post'>
export type PaymentStatus = PaymentView['status']
export type AttentionItem = ResponseBody<'/api/v1/payments/attention', 'get'>['items'][number]
export type RefundRequest = RequestBody<'/api/v1/orders/{id}/refunds', 'post'>

/** What POST /orders and POST /cart/checkout answer (201): one order per supplier under one checkout id. */
export type CheckoutResult = ResponseBody<'/api/v1/cart/checkout', 'post'>
/** What POST /orders/{id}/refunds answers (201): the refund and the order's refunded total. */
export type RefundResult = ResponseBody<'/api/v1/orders/{id}/refunds', 'post'>

export type PaymentSlip = NonNullable<PaymentView['slip']>
export type TransferInstructions = NonNullable<PaymentView['transfer']>
export type SlipRequest = RequestBody<'/api/v1/payments/{id}/slip', 'post'>
export type ReceiptRequest = NonNullable<RequestBody<'/api/v1/payments/{id}/receipt', 'post'>>
export type RefundSentRequest = RequestBody<'/api/v1/refunds/{id}/confirmation', 'post'>
/** What POST /refunds/{id}/confirmation answers: the refund, SUCCEEDED, and the order's refunded total. */
export type RefundView = ResponseBody<'/api/v1/refunds/{id}/confirmation', 'post'>
/** The buyer unit's bank transfers still awaited (待转账), soonest deadline first. */
export type AwaitingTransfers = ResponseBody<'/api/v1/payments/awaiting-transfer', 'get'>
export type MismatchQuery = QueryOf<'/api/v1/payments/mismatches', 'get'>
export type MismatchPage = ResponseBody<'/api/v1/payments/mismatches', 'get'>
/** A gateway answer that did not match what was asked for (网关异常), for operators. */
export type Mismatch = MismatchPage['items'][number]
export type ResolutionRequest = RequestBody<'/api/v1/payments/mismatches/{id}/resolution', 'post'>

// Files
/** What POST /files answers (201): the stored file, its type as sniffed from the bytes. */
export type StoredFile = ResponseBody<'/api/v1/files', 'post'>
export type FilePurpose = StoredFile['purpose']

/**
 * One refund in `OrderView.payments[].refunds` (free-form maps in the document): named from the
 * refund view, plus why it was made (MANUAL, CANCELLATION, ORPHANED), whether it is an offline
 * (bank-transfer) refund the supplier makes and confirms, and that confirmation.
 */
export type OrderRefund = Pick<RefundView, 'refundId' | 'amountFen' | 'status' | 'reason' | 'createdAt'> & {
  cause: string
  offline: boolean
  failureMessage?: string | null
  sentOn?: string | null
  bankReference?: string | null
  confirmedAt?: string | null
}

/**
 * One entry of `OrderView.payments`: the document types the entries as free-form maps, so their
 * fields are named here from the payment view (the card's client secret and the payee are left out;
 * a bank transfer carries its reference), each with its refunds.
 */
export type OrderPayment = Pick<
  PaymentView,
  'paymentId' | 'method' | 'status' | 'statusLabel' | 'amountFen' | 'createdAt' | 'expiresAt'
> & {
  transferReference?: string | null
  failureMessage?: string | null
  paidAt?: string | null
  slip?: PaymentSlip | null
  transferDate?: string | null
  transferDateConfirmed?: string | null
  remindedAt?: string | null
  refunds?: OrderRefund[]
}

// Reserved share (预留份额)
export type QuotaPlan = ResponseBody<'/api/v1/quota/plans/{year}', 'get'>
export type FilePlanRequest = RequestBody<'/api/v1/quota/plans/{year}', 'put'>
export type Canteen = QuotaPlan['canteen']
export type QuotaPlanVersion = ResponseBody<'/api/v1/quota/plans/{year}/versions', 'get'>[number]
export type QuotaProgress = ResponseBody<'/api/v1/quota/plans/{year}/progress', 'get'>
export type QuotaFloor = ResponseBody<'/api/v1/quota/plans/{year}/floor', 'get'>
export type RatioExceptionRequest = RequestBody<'/api/v1/quota/plans/{year}/ratio-exceptions', 'post'>
export type RatioExceptionQuery = QueryOf<'/api/v1/quota/ratio-exceptions', 'get'>
export type RatioExceptionPage = ResponseBody<'/api/v1/quota/ratio-exceptions', 'get'>
export type RatioException = RatioExceptionPage['items'][number]
export type RatioExceptionStatus = RatioException['status']

// Monitoring
export type RegionSummary = ResponseBody<'/api/v1/monitoring/summary', 'get'>
export type RegionChildSummary = RegionSummary['children'][number]
export type MonitoringUnitQuery = QueryOf<'/api/v1/monitoring/units', 'get'>
export type UnitFilter = NonNullable<MonitoringUnitQuery['status']>
export type UnitSort = NonNullable<MonitoringUnitQuery['sort']>
export type ExportFormat = NonNullable<MonitoringUnitQuery['format']>
export type MonitoringUnitPage = ResponseBody<'/api/v1/monitoring/units', 'get'>
export type UnitFigures = MonitoringUnitPage['items'][number]
export type UnitStatus = UnitFigures['status']
export type MonthlyTrend = ResponseBody<'/api/v1/monitoring/trend', 'get'>
export type SupplySide = ResponseBody<'/api/v1/monitoring/supply', 'get'>
export type SupplyGrouping = SupplySide['byCounty']
export type SupplyEntry = SupplyGrouping['items'][number]
export type SlowProductPage = ResponseBody<'/api/v1/monitoring/slow-products', 'get'>
export type SlowProduct = SlowProductPage['items'][number]
export type NoticeFormat = NonNullable<QueryOf<'/api/v1/monitoring/notice', 'get'>['format']>

// Operators' background consistency checks of the reserved-share ledger
export type ConsistencyRun = ResponseBody<'/api/v1/operator/quota/consistency-checks/{id}', 'get'>
export type ConsistencyRunStatus = ConsistencyRun['status']
