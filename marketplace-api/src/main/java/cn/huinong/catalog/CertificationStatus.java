package cn.huinong.catalog;

public enum CertificationStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED
}
