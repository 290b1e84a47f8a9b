package cn.huinong.payments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether what the gateway says is about what we asked for: the intent this payment created (its stored id), for
 * exactly its amount and currency; the refund we made, of that intent, for its amount. Each reason is a code
 * (INTENT_ID, AMOUNT, AMOUNT_RECEIVED, CURRENCY, REFUND_ID) shown to operators with both sides. The intent's metadata
 * is only ever a hint of which payment it claims to be: the stored intent id decides.
 */
final class Verification {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Verification() {}

    /** Why {@code pi} cannot act on {@code payment}; empty when it may. Amounts are checked for a success. */
    static List<String> ofIntent(PaymentRow payment, GatewayIntent pi, boolean success) {
        List<String> reasons = new ArrayList<>();
        if (payment.intentId() == null || !payment.intentId().equals(pi.id())) {
            reasons.add("INTENT_ID");
        }
        if (success || "succeeded".equals(pi.status())) {
            if (!Objects.equals(pi.amount(), payment.amountFen())) {
                reasons.add("AMOUNT");
            }
            if (pi.amountReceived() != null && pi.amountReceived() != payment.amountFen()) {
                reasons.add("AMOUNT_RECEIVED");
            }
            if (pi.currency() == null || !pi.currency().equalsIgnoreCase(payment.currency())) {
                reasons.add("CURRENCY");
            }
        }
        return reasons;
    }

    /** Why {@code re} cannot act on our refund {@code refund} of {@code payment}; empty when it may. */
    static List<String> ofRefund(RefundRow refund, PaymentRow payment, GatewayRefund re) {
        List<String> reasons = new ArrayList<>();
        if (refund.gatewayRefundId() != null && !refund.gatewayRefundId().equals(re.id())) {
            reasons.add("REFUND_ID");
        }
        if (re.paymentIntent() != null && !re.paymentIntent().equals(payment.intentId())) {
            reasons.add("INTENT_ID");
        }
        if (!Objects.equals(re.amount(), refund.amountFen())) {
            reasons.add("AMOUNT");
        }
        if (re.currency() != null && !re.currency().equalsIgnoreCase(payment.currency())) {
            reasons.add("CURRENCY");
        }
        return reasons;
    }

    static Map<String, Object> expected(PaymentRow p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentId", p.id());
        m.put("intentId", p.intentId());
        m.put("amountFen", p.amountFen());
        m.put("currency", p.currency());
        return m;
    }

    static Map<String, Object> actual(GatewayIntent pi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intentId", pi.id());
        m.put("metadataPaymentId", pi.metadata().get("payment_id"));
        m.put("amount", pi.amount());
        m.put("amountReceived", pi.amountReceived());
        m.put("currency", pi.currency());
        m.put("status", pi.status());
        return m;
    }

    static Map<String, Object> expected(RefundRow r, PaymentRow p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refundId", r.id());
        m.put("gatewayRefundId", r.gatewayRefundId());
        m.put("intentId", p.intentId());
        m.put("amountFen", r.amountFen());
        m.put("currency", p.currency());
        return m;
    }

    static Map<String, Object> actual(GatewayRefund re) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gatewayRefundId", re.id());
        m.put("intentId", re.paymentIntent());
        m.put("amount", re.amount());
        m.put("currency", re.currency());
        m.put("status", re.status());
        return m;
    }

    static String json(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
