package cn.huinong.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** An order in a list, with the names of both parties. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrderSummary(
        long id,
        UUID checkoutId,
        long buyerOrganizationId,
        String buyerName,
        long supplierId,
        String supplierName,
        Channel channel,
        OrderStatus status,
        String statusLabel,
        long totalFen,
        long eligibleFen,
        int lineCount,
        Instant createdAt,
        @Nullable Instant paidAt) {}
