package cn.huinong.ordering;

/**
 * An order's life cycle: PENDING_PAYMENT -> PAID -> SHIPPED -> DELIVERED -> ACCEPTED; CANCELLED before shipment
 * (by the buyer, or when unpaid in time). REFUNDED when the payments module refunds the whole paid amount.
 */
public enum OrderStatus {
    PENDING_PAYMENT("待支付"),
    PAID("已支付"),
    SHIPPED("已发货"),
    DELIVERED("已送达"),
    ACCEPTED("已验收"),
    CANCELLED("已取消"),
    REFUNDED("已退款");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
