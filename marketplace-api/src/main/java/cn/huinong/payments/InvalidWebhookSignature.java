package cn.huinong.payments;

import cn.huinong.shared.problem.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * 400 {@code invalid-webhook-signature}: a webhook delivery whose {@code Stripe-Signature} does not verify (wrong secret,
 * altered body, too old, malformed); nothing is processed.
 */
public final class InvalidWebhookSignature extends InvalidInputException {

    public static final String SLUG = "invalid-webhook-signature";

    public InvalidWebhookSignature() {
        super(SLUG, "Webhook 签名无效或已过期", List.of(), Map.of());
    }
}
