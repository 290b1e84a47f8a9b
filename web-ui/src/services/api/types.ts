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
export type RegistrationRequest = RequestBody<'/api/v1/organizations/registrations', 'post'>
export type RegistrationKind = RegistrationRequest['kind']
export type RegistrationResult = ResponseBody<'/api/v1/organizations/registrations', 'post'>
export type OrganizationQuery = QueryOf<'/api/v1/organizations', 'get'>
export type OrganizationPage = ResponseBody<'/api/v1/organizations', 'get'>
export type OrganizationSummary = OrganizationPage['items'][number]
export type DecisionRequest = RequestBody<'/api/v1/organizations/{id}/decision', 'post'>

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
