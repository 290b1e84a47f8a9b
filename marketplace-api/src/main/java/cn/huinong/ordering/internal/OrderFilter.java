package cn.huinong.ordering.internal;

import cn.huinong.ordering.OrderStatus;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Which orders a list shows: a buyer unit's or a supplier's (both null: all, for operators), in a status, and
 * narrowed by a search: the order number ({@code number}) or a party among {@code partyIds} (organisations whose
 * name matched). {@code partyIds} null: no narrowing by name.
 */
record OrderFilter(
        @Nullable Long buyerOrganizationId,
        @Nullable Long supplierId,
        @Nullable OrderStatus status,
        @Nullable String number,
        @Nullable List<Long> partyIds) {

    boolean searching() {
        return number != null || partyIds != null;
    }
}
