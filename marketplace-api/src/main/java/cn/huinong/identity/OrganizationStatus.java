package cn.huinong.identity;

public enum OrganizationStatus {
    PENDING,
    APPROVED,
    REJECTED;

    public String label() {
        return switch (this) {
            case PENDING -> "待审核";
            case APPROVED -> "已通过";
            case REJECTED -> "已驳回";
        };
    }
}
