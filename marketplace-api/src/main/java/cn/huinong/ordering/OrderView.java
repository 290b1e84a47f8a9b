package cn.huinong.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order as its buyer, its supplier or an operator sees it. {@code payments} is added by the web layer from
 * {@link OrderPaymentsView} ({@link #withPayments}); the facade leaves it empty.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderView(
        long id,
        UUID checkoutId,
        long buyerOrganizationId,
        String buyerUsername,
        long supplierId,
        String supplierName,
        Channel channel,
        OrderStatus status,
        String statusLabel,
        long totalFen,
        long eligibleFen,
        long refundedFen,
        String deliveryAddress,
        Instant expiresAt,
        @Nullable Instant paidAt,
        @Nullable Shipment shipment,
        @Nullable Instant deliveredAt,
        @Nullable Acceptance acceptance,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason,
        Invoice invoice,
        List<OrderLineView> lines,
        List<Map<String, Object>> payments,
        List<HistoryEntry> history,
        Instant createdAt) {

    /** The same order showing {@code payments}. */
    public OrderView withPayments(List<Map<String, Object>> payments) {
        return new OrderView(
                id,
                checkoutId,
                buyerOrganizationId,
                buyerUsername,
                supplierId,
                supplierName,
                channel,
                status,
                statusLabel,
                totalFen,
                eligibleFen,
                refundedFen,
                deliveryAddress,
                expiresAt,
                paidAt,
                shipment,
                deliveredAt,
                acceptance,
                cancelledAt,
                cancelReason,
                invoice,
                lines,
                List.copyOf(payments),
                history,
                createdAt);
    }

    @Serdeable
    public record Shipment(String carrier, String trackingNumber, Instant shippedAt) {}

    @Serdeable
    public record Acceptance(
            Instant acceptedAt,
            @Nullable Integer rating,
            @Nullable String comment) {}

    /** 发票: the buyer's title and tax number, then the supplier's issued number and date. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Invoice(
            @Nullable String title,
            @Nullable String taxNumber,
            @Nullable Instant requestedAt,
            @Nullable String number,
            @Nullable LocalDate issuedOn) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HistoryEntry(
            @Nullable OrderStatus fromStatus, OrderStatus toStatus, String action, String actor, Instant at) {}
}
