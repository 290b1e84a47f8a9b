package cn.huinong.quota;

/** Which units a reminder list shows: both kinds, only those not filed, only those behind the pace. */
public enum DueFilter {
    ALL,
    NOT_FILED,
    BEHIND_PACE
}
