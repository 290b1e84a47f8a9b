package cn.huinong.payments;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code gateway-outcome-unknown}: the gateway did not answer in time, so the payment stays as it was; the same
 * request may be sent again later.
 */
public final class GatewayOutcomeUnknown extends ConflictException {

    public static final String SLUG = "gateway-outcome-unknown";

    public GatewayOutcomeUnknown(String detail) {
        super(SLUG, detail, List.of(), Map.of());
    }
}
