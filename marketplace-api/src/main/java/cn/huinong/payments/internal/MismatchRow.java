package cn.huinong.payments.internal;

import java.time.Instant;
import java.util.List;

/** A gateway answer or event that did not match what we asked for, with the raw text, until an operator resolves it. */
record MismatchRow(
        long id,
        Long paymentId,
        Long refundId,
        String eventId,
        String eventType,
        String gatewayObjectId,
        List<String> reasons,
        String expected,
        String actual,
        String raw,
        Instant createdAt,
        Instant resolvedAt,
        String resolvedBy,
        String resolution) {}
