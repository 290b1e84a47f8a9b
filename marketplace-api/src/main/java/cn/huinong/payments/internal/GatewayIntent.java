package cn.huinong.payments.internal;

import java.util.Map;

/** A PaymentIntent as the gateway describes it; {@code lastErrorMessage} is its last payment error's message. */
record GatewayIntent(
        String id,
        String status,
        Long amount,
        Long amountReceived,
        String currency,
        String clientSecret,
        Map<String, String> metadata,
        String lastErrorMessage,
        boolean hasLastError,
        String json)
        implements GatewayObject {

    GatewayIntent {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    boolean succeeded() {
        return "succeeded".equals(status);
    }

    boolean canceled() {
        return "canceled".equals(status);
    }
}
