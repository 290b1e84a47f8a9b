package cn.huinong.payments.internal;

import java.util.Map;

/** A refund as the gateway describes it. */
record GatewayRefund(
        String id,
        String status,
        String paymentIntent,
        Long amount,
        String currency,
        String failureReason,
        Map<String, String> metadata,
        String json)
        implements GatewayObject {

    GatewayRefund {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
