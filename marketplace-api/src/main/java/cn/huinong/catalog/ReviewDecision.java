package cn.huinong.catalog;

public enum ReviewDecision {
    APPROVE,
    REJECT
}
