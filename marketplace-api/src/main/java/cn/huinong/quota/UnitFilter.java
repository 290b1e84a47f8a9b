package cn.huinong.quota;

/** Which units a monitoring list shows (API.md): all, not filed, behind pace, reserve reached. */
public enum UnitFilter {
    ALL,
    NOT_FILED,
    LAGGING,
    COMPLETED
}
