/**
 * Test fixtures typed against the generated OpenAPI types (`components['schemas']` of schema.d.ts): when
 * the contract changes (a field renamed, added as required, or retyped), the unit tests stop type-checking
 * (`vue-tsc --noEmit`, run by the build) instead of testing pages against answers the server no longer sends.
 */
import type { components } from '@/services/api/schema'

/** A wire type by its name in the OpenAPI document. */
export type Schema<K extends keyof components['schemas']> = components['schemas'][K]

/** An approved organisation of the given kind (overrides on top). */
export function organization(kind: Schema<'OrganizationKind'>, overrides: Partial<Schema<'OrganizationView'>> = {}): Schema<'OrganizationView'> {
  return {
    id: 7,
    kind,
    name: '雷山县第一中学',
    creditCode: '91350100M000100Y43',
    regionCode: '522634',
    status: 'APPROVED',
    contactName: '张三',
    contactPhone: '13800000000',
    createdAt: '2026-01-05T02:00:00Z',
    ...overrides,
  }
}

/** `GET /me` of a signed-in user without pending security steps. */
export function me(username: string, organizationOverrides: Partial<Schema<'OrganizationView'>> & { kind: Schema<'OrganizationKind'> }): Schema<'MeResponse'> {
  const org = organization(organizationOverrides.kind, organizationOverrides)
  return {
    username,
    roles: [org.kind],
    organization: org,
    security: { passwordChangeRequired: false, recoveryCodesLeft: 0, totpEnabled: false, totpRequired: false },
  }
}

/** A line of the cart (`GET /cart`). */
export function cartLine(overrides: Partial<Schema<'CartView.Line'>> & Pick<Schema<'CartView.Line'>, 'productId'>): Schema<'CartView.Line'> {
  const line: Schema<'CartView.Line'> = {
    name: '从江香禾糯',
    supplierId: 7,
    supplierName: '雷山县苗岭银球茶农民专业合作社',
    unit: '袋',
    spec: '5千克/袋',
    priceFen: 9900,
    quantity: 1,
    amountFen: 9900,
    stock: 500,
    available: true,
    eligible: true,
    ...overrides,
  }
  return line
}
