package cn.huinong.payments;

import cn.huinong.shared.problem.RuleViolationException;
import java.util.List;
import java.util.Map;

/**
 * 422 {@code gateway-refused}: the gateway refused the request (not a card decline, which fails the payment instead);
 * the detail carries its reason.
 */
public final class GatewayRefused extends RuleViolationException {

    public static final String SLUG = "gateway-refused";

    public GatewayRefused(String detail) {
        super(SLUG, detail, List.of(), Map.of());
    }
}
