package cn.huinong.payments.internal;

import cn.huinong.audit.AuditLog;
import cn.huinong.payments.MismatchAlreadyResolved;
import cn.huinong.payments.MismatchNotFound;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway said that does not match what we asked for, recorded for operators (with the raw event or
 * answer) and audited; nothing else happens. Operators resolve them.
 */
@Singleton
class Mismatches {

    private static final Logger LOG = LoggerFactory.getLogger(Mismatches.class);

    private final GatewayEventStore store;
    private final AuditLog audit;

    Mismatches(GatewayEventStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * What the gateway said about one of our payments or refunds did not match what we asked for: recorded (with the
     * raw event or answer) for operators, audited, and nothing else happens.
     */
    @Transactional
    public void record(
            PaymentRow row,
            Long refundId,
            String eventId,
            String type,
            String objectId,
            List<String> reasons,
            Map<String, Object> expected,
            Map<String, Object> actual,
            String raw,
            Actor actor) {
        long id = store.insertMismatch(
                row.id(),
                refundId,
                eventId,
                type,
                objectId,
                reasons,
                Verification.json(expected),
                Verification.json(actual),
                raw);
        LOG.warn(
                "payment {}: gateway {} {} does not match ({}): nothing settled, mismatch {}",
                row.id(),
                type,
                objectId,
                reasons,
                id);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("orderId", row.orderId());
        detail.put("paymentId", row.id());
        if (refundId != null) {
            detail.put("refundId", refundId);
        }
        detail.put("eventId", eventId == null ? "" : eventId);
        detail.put("eventType", type);
        detail.put("gatewayObjectId", objectId == null ? "" : objectId);
        detail.put("reasons", reasons);
        audit.record(actor, "PAYMENT_GATEWAY_MISMATCH", "payment_mismatch", String.valueOf(id), detail);
    }

    /** An operator has looked into a mismatch and says what was done (audited). */
    @Transactional
    public MismatchRow resolveMismatch(long id, String resolution, Actor actor) {
        MismatchRow m = store.mismatch(id, true).orElseThrow(() -> new MismatchNotFound(id));
        if (m.resolvedAt() != null) {
            throw new MismatchAlreadyResolved(m.resolvedAt());
        }
        store.resolveMismatch(id, actor.username(), resolution);
        audit.record(
                actor,
                "PAYMENT_MISMATCH_RESOLVED",
                "payment_mismatch",
                String.valueOf(id),
                Map.of("paymentId", m.paymentId() == null ? "" : m.paymentId(), "resolution", resolution));
        return store.mismatch(id, false).orElseThrow();
    }

    @Transactional
    public PageResponse<MismatchRow> mismatches(boolean openOnly, PageQuery page) {
        return store.mismatches(openOnly, page);
    }

    @Transactional
    public long openMismatches(long paymentId) {
        return store.openMismatches(paymentId);
    }
}
