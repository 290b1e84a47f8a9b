package cn.huinong.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/** A checkout: its id and one PENDING_PAYMENT order per supplier, ordered by supplier id. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckoutResult(UUID checkoutId, List<PlacedOrder> orders) {}
