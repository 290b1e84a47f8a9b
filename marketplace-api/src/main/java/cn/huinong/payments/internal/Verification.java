package cn.huinong.payments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
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
    static List<String> ofIntent(PaymentRow payment, PaymentIntent pi, boolean success) {
        List<String> reasons = new ArrayList<>();
        if (payment.intentId() == null || !payment.intentId().equals(pi.getId())) {
            reasons.add("INTENT_ID");
        }
        if (success || "succeeded".equals(pi.getStatus())) {
            if (!Objects.equals(pi.getAmount(), payment.amountFen())) {
                reasons.add("AMOUNT");
            }
            if (pi.getAmountReceived() != null && pi.getAmountReceived() != payment.amountFen()) {
                reasons.add("AMOUNT_RECEIVED");
            }
            if (pi.getCurrency() == null || !pi.getCurrency().equalsIgnoreCase(payment.currency())) {
                reasons.add("CURRENCY");
            }
        }
        return reasons;
    }

    /** Why {@code re} cannot act on our refund {@code refund} of {@code payment}; empty when it may. */
    static List<String> ofRefund(PaymentStore.RefundRow refund, PaymentRow payment, Refund re) {
        List<String> reasons = new ArrayList<>();
        if (refund.gatewayRefundId() != null && !refund.gatewayRefundId().equals(re.getId())) {
            reasons.add("REFUND_ID");
        }
        if (re.getPaymentIntent() != null && !re.getPaymentIntent().equals(payment.intentId())) {
            reasons.add("INTENT_ID");
        }
        if (!Objects.equals(re.getAmount(), refund.amountFen())) {
            reasons.add("AMOUNT");
        }
        if (re.getCurrency() != null && !re.getCurrency().equalsIgnoreCase(payment.currency())) {
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

    static Map<String, Object> actual(PaymentIntent pi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intentId", pi.getId());
        m.put(
                "metadataPaymentId",
                pi.getMetadata() == null ? null : pi.getMetadata().get("payment_id"));
        m.put("amount", pi.getAmount());
        m.put("amountReceived", pi.getAmountReceived());
        m.put("currency", pi.getCurrency());
        m.put("status", pi.getStatus());
        return m;
    }

    static Map<String, Object> expected(PaymentStore.RefundRow r, PaymentRow p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refundId", r.id());
        m.put("gatewayRefundId", r.gatewayRefundId());
        m.put("intentId", p.intentId());
        m.put("amountFen", r.amountFen());
        m.put("currency", p.currency());
        return m;
    }

    static Map<String, Object> actual(Refund re) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gatewayRefundId", re.getId());
        m.put("intentId", re.getPaymentIntent());
        m.put("amount", re.getAmount());
        m.put("currency", re.getCurrency());
        m.put("status", re.getStatus());
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
