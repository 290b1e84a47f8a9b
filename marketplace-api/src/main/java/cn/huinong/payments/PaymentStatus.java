package cn.huinong.payments;

/**
 * A payment attempt's state. PENDING: a card payment whose intent is created (or whose creation outcome is not yet
 * known) and not yet confirmed; AWAITING_TRANSFER: waiting for the bank transfer; SUCCEEDED: money received and the
 * order PAID; FAILED: declined (the buyer may retry); ORPHANED: money received for an order that could no longer be
 * paid (expired, cancelled or paid by another payment); it is refunded automatically (and listed for operators);
 * CANCELLED: an attempt that can no longer take money (its intent cancelled at the gateway, superseded by a new
 * attempt, a transfer withdrawn or no longer awaited). PENDING, AWAITING_TRANSFER and FAILED (declined: the same
 * intent may be tried again with another card) are live; an order has at most one live payment.
 */
public enum PaymentStatus {
    PENDING("待支付"),
    AWAITING_TRANSFER("待转账"),
    SUCCEEDED("支付成功"),
    FAILED("支付失败"),
    ORPHANED("订单不可支付，原路退回"),
    CANCELLED("已撤销");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the attempt may still take money (at most one per order). */
    public boolean live() {
        return this == PENDING || this == AWAITING_TRANSFER || this == FAILED;
    }
}
