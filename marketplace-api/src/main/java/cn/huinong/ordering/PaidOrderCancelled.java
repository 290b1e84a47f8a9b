package cn.huinong.ordering;

/**
 * A PAID order was cancelled: its money must go back in full. Published (in process, synchronously) right AFTER the
 * cancellation committed, so that the payments module can refund at once; anything lost here (a crash, a gateway
 * failure) is found again through {@link Orders#cancelledUnrefunded}. Not an outbox event: the reserved-share
 * ledger learns of the money coming back only through ORDER_REFUNDED.
 */
public record PaidOrderCancelled(long orderId) {}
