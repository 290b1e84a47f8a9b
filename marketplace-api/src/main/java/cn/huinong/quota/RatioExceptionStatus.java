package cn.huinong.quota;

public enum RatioExceptionStatus {
    PENDING,
    APPROVED,
    REJECTED
}
