package cn.huinong.catalog;

public enum BrandKind {
    /** 区域公用品牌 */
    REGIONAL_PUBLIC,
    /** 企业品牌 */
    ENTERPRISE,
    /** 产品品牌 */
    PRODUCT
}
