package cn.huinong.identity;

public enum Decision {
    APPROVE,
    REJECT
}
