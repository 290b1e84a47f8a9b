package cn.huinong.ordering;

import java.time.Instant;

/**
 * An order as the payments module needs it: who is paid, how much, its status, what was refunded, when it was placed
 * (a transfer date is never earlier).
 */
public record PayableOrder(
        long id,
        long buyerOrganizationId,
        long supplierId,
        String supplierName,
        OrderStatus status,
        long totalFen,
        long refundedFen,
        Instant createdAt) {}
