package cn.huinong.quota;

/**
 * Where a unit stands for a year: not filed; no reserve of its own (no canteen, or a shared canteen whose
 * representative carries the reserve); reserve reached; on pace; behind the pace of the year.
 */
public enum UnitStatus {
    NOT_FILED,
    NO_RESERVE,
    SHARED,
    COMPLETED,
    ON_PACE,
    LAGGING;

    public String label() {
        return switch (this) {
            case NOT_FILED -> "未填报";
            case NO_RESERVE -> "无食堂";
            case SHARED -> "共用食堂";
            case COMPLETED -> "已完成";
            case ON_PACE -> "进度正常";
            case LAGGING -> "进度滞后";
        };
    }
}
