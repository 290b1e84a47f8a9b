package cn.huinong.quota;

/** Ranking of a unit list: by completion rate (units without a reserve last), by region, by name. */
public enum UnitSort {
    COMPLETION_DESC,
    COMPLETION_ASC,
    REGION,
    NAME
}
