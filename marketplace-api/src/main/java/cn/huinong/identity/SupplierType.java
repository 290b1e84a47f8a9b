package cn.huinong.identity;

public enum SupplierType {
    /** 农民专业合作社 */
    COOPERATIVE,
    /** 企业 */
    ENTERPRISE,
    /** 家庭农场 */
    FAMILY_FARM
}
