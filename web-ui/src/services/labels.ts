/** Chinese labels for the API's enum values. */
import type {
  BrandKind,
  Canteen,
  RatioExceptionStatus,
  UnitFilter,
  UnitSort,
  UnitStatus,
  CertificationKind,
  CertificationStatus,
  Channel,
  DesignationImportMode,
  DesignationKind,
  OrganizationKind,
  OrderStatus,
  OrganizationStatus,
  PaymentMethod,
  PaymentStatus,
  ProductStatus,
  Role,
} from './api/types'
import type { SearchSort } from './searchQuery'

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

/** A label table read with any string (a value the API may add later): the label, or the value itself. */
function labelOrValue(labels: Readonly<Record<string, string>>): (value: string) => string {
  return (value) => labels[value] ?? value
}

export const roleLabel = labelOrValue(ROLE_LABELS)

// Catalog
export const CERTIFICATION_KIND_LABELS: Record<CertificationKind, string> = {
  ASSISTANCE_PRODUCT: '帮扶产品认定',
  GREEN_FOOD: '绿色食品',
  ORGANIC: '有机产品',
  GEOGRAPHICAL_INDICATION: '农产品地理标志',
  FAMOUS_SPECIAL: '名特优新农产品',
  COMPLIANCE_CERTIFICATE: '承诺达标合格证',
}

/** el-tag type per certification kind, so the badges are told apart at a glance. */
export const CERTIFICATION_KIND_TAG: Record<CertificationKind, 'primary' | 'success' | 'warning' | 'info' | 'danger'> = {
  ASSISTANCE_PRODUCT: 'danger',
  GREEN_FOOD: 'success',
  ORGANIC: 'success',
  GEOGRAPHICAL_INDICATION: 'warning',
  FAMOUS_SPECIAL: 'primary',
  COMPLIANCE_CERTIFICATE: 'info',
}

export const CERTIFICATION_KINDS = Object.keys(CERTIFICATION_KIND_LABELS) as CertificationKind[]

export const BRAND_KIND_LABELS: Record<BrandKind, string> = {
  REGIONAL_PUBLIC: '区域公用品牌',
  ENTERPRISE: '企业品牌',
  PRODUCT: '产品品牌',
}

export const PRODUCT_STATUS_LABELS: Record<ProductStatus, string> = {
  DRAFT: '草稿',
  PENDING_REVIEW: '待审核',
  LISTED: '已上架',
  DELISTED: '已下架',
}

export const PRODUCT_STATUS_TAG: Record<ProductStatus, 'info' | 'warning' | 'success' | 'danger'> = {
  DRAFT: 'info',
  PENDING_REVIEW: 'warning',
  LISTED: 'success',
  DELISTED: 'danger',
}

export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: '综合排序',
  price_asc: '价格从低到高',
  price_desc: '价格从高到低',
  sales: '销量优先',
  newest: '最新上架',
}

export const CERTIFICATION_STATUS_LABELS: Record<CertificationStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '未通过审核',
  EXPIRED: '已过期',
}

/** Search results carry kinds and brand kinds as plain strings: the label, or the value itself. */
export const brandKindLabel = labelOrValue(BRAND_KIND_LABELS)
export const certificationLabel = labelOrValue(CERTIFICATION_KIND_LABELS)

// Ordering and payments
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_PAYMENT: '待支付',
  PAID: '已支付',
  SHIPPED: '已发货',
  DELIVERED: '已送达',
  ACCEPTED: '已验收',
  CANCELLED: '已取消',
  REFUNDED: '已退款',
}

export const ORDER_STATUS_TAG: Record<OrderStatus, 'primary' | 'success' | 'warning' | 'info' | 'danger'> = {
  PENDING_PAYMENT: 'warning',
  PAID: 'primary',
  SHIPPED: 'primary',
  DELIVERED: 'primary',
  ACCEPTED: 'success',
  CANCELLED: 'info',
  REFUNDED: 'danger',
}

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[]

export const orderStatusLabel = labelOrValue(ORDER_STATUS_LABELS)

export const CHANNEL_LABELS: Record<Channel, string> = {
  CANTEEN: '食堂采购',
  UNION: '工会采购',
  STAFF: '职工个人采购',
}

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  CARD: '银行卡',
  BANK_TRANSFER: '对公转账',
}

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  PENDING: '待支付',
  AWAITING_TRANSFER: '待转账',
  SUCCEEDED: '支付成功',
  FAILED: '支付失败',
  ORPHANED: '原路退回',
  CANCELLED: '已撤销',
}

export const PAYMENT_STATUS_TAG: Record<PaymentStatus, 'success' | 'warning' | 'info' | 'danger'> = {
  PENDING: 'warning',
  AWAITING_TRANSFER: 'warning',
  SUCCEEDED: 'success',
  FAILED: 'danger',
  ORPHANED: 'danger',
  CANCELLED: 'info',
}

export const paymentMethodLabel = labelOrValue(PAYMENT_METHOD_LABELS)
export const paymentStatusLabel = labelOrValue(PAYMENT_STATUS_LABELS)

// Reserved share (预留份额)
export const CANTEEN_LABELS: Record<Canteen, string> = {
  OWN: '自有食堂',
  SHARED: '与其他单位共用食堂',
  OUTSOURCED: '外包食堂',
  NONE: '无食堂',
}

export const CANTEEN_HINTS: Record<Canteen, string> = {
  OWN: '本单位自办食堂，按年度食堂食材采购总额预留份额。',
  SHARED: '多个单位共用一个食堂：由代表单位统一填报并承担预留份额，本单位只需指明代表单位，本单位的采购计入代表单位。',
  OUTSOURCED: '食堂由承包方经营，仍由本单位填报；承包方代本单位采购的帮扶产品计入本单位。',
  NONE: '本单位没有食堂，仍须填报，但无需预留份额。',
}

export const RATIO_EXCEPTION_STATUS_LABELS: Record<RatioExceptionStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已批准',
  REJECTED: '已驳回',
}

export const RATIO_EXCEPTION_STATUS_TAG: Record<RatioExceptionStatus, 'warning' | 'success' | 'danger'> = {
  PENDING: 'warning',
  APPROVED: 'success',
  REJECTED: 'danger',
}

export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  NOT_FILED: '未填报',
  NO_RESERVE: '无食堂',
  SHARED: '共用食堂',
  COMPLETED: '已完成',
  ON_PACE: '进度正常',
  LAGGING: '进度滞后',
}

export const UNIT_STATUS_TAG: Record<UnitStatus, 'info' | 'success' | 'warning' | 'danger' | 'primary'> = {
  NOT_FILED: 'danger',
  NO_RESERVE: 'info',
  SHARED: 'info',
  COMPLETED: 'success',
  ON_PACE: 'primary',
  LAGGING: 'warning',
}

export const UNIT_FILTER_LABELS: Record<UnitFilter, string> = {
  ALL: '全部单位',
  NOT_FILED: '未填报',
  LAGGING: '进度滞后',
  COMPLETED: '已完成',
}

export const UNIT_SORT_LABELS: Record<UnitSort, string> = {
  COMPLETION_DESC: '完成率从高到低',
  COMPLETION_ASC: '完成率从低到高',
  REGION: '按地区',
  NAME: '按单位名称',
}
