package cn.huinong.ordering.internal;

import cn.huinong.ordering.Channel;
import cn.huinong.ordering.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

record OrderRow(long id, UUID checkoutId, long buyerOrganizationId, String buyerUsername, long supplierId,
                Channel channel, OrderStatus status, long totalFen, long eligibleFen, String deliveryAddress,
                Instant expiresAt, Instant paidAt, String paymentRef, String carrier, String trackingNumber,
                Instant shippedAt, Instant deliveredAt, Instant acceptedAt, Integer rating, String acceptanceComment,
                Instant cancelledAt, String cancelReason, String invoiceTitle, String invoiceTaxNumber,
                Instant invoiceRequestedAt, String invoiceNumber, LocalDate invoiceIssuedOn, Instant createdAt) {
}
