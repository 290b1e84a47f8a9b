package cn.huinong.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One order of a checkout (one per supplier), as placed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlacedOrder(
        long id,
        long supplierId,
        String supplierName,
        OrderStatus status,
        Channel channel,
        long totalFen,
        long eligibleFen,
        Instant expiresAt,
        List<OrderLineView> lines) {}
