package cn.huinong.ordering;

/** What happened to an order, as told to the reserved-share ledger through {@code order_event_outbox}. */
public enum OrderEventType {
    ORDER_PLACED,
    ORDER_PAID,
    ORDER_CANCELLED,
    ORDER_EXPIRED,
    ORDER_ACCEPTED,
    ORDER_REFUNDED,
    /** Written by the payments module (through {@link OrderPayments#paymentSucceeded}) with the order's ORDER_PAID. */
    PAYMENT_SUCCEEDED
}
