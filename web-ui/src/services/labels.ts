/** Chinese labels for the API's enum values. */
import type { DesignationImportMode, DesignationKind, OrganizationKind, OrganizationStatus, Role } from './api/types'

export const ROLE_LABELS: Record<Role, string> = {
  SUPPLIER: '供应商',
  BUYER: '采购单位',
  REGULATOR: '监管部门',
  OPERATOR: '平台运营',
}

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  SUPPLIER: '供应商',
  BUYER: '采购单位（预算单位）',
  REGULATOR: '监管部门',
  OPERATOR: '平台运营方',
}

export const ORGANIZATION_STATUS_LABELS: Record<OrganizationStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '已驳回',
}

export const ORGANIZATION_STATUS_TAG: Record<OrganizationStatus, 'warning' | 'success' | 'danger'> = {
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'danger',
}

export const DESIGNATION_KIND_LABELS: Record<DesignationKind, string> = {
  POVERTY_ALLEVIATED: '脱贫县',
  KEY_ASSISTANCE: '国家乡村振兴重点帮扶县',
}

export const DESIGNATION_MODE_LABELS: Record<DesignationImportMode, string> = {
  REPLACE: '替换',
  MERGE: '追加',
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role
}
