package cn.huinong.quota;

/** Why a unit is reminded (催办): it has not filed its plan (deadline near or passed), or it is behind the pace. */
public enum ReminderReason {
    NOT_FILED,
    BEHIND_PACE;

    public String label() {
        return switch (this) {
            case NOT_FILED -> "未填报";
            case BEHIND_PACE -> "进度滞后";
        };
    }
}
