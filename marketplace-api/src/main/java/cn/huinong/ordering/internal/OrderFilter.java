package cn.huinong.ordering.internal;

import cn.huinong.ordering.OrderStatus;
import io.micronaut.core.annotation.Nullable;

/**
 * Which orders a list shows: a buyer unit's or a supplier's (both null: all, for operators), in a status, and
 * narrowed by a search ({@code number}): the order number, or a fragment of a party's name (matched in identity's
 * published {@code organization_directory}, without a cap on how many organisations match). Null: no search.
 */
record OrderFilter(
        @Nullable Long buyerOrganizationId,
        @Nullable Long supplierId,
        @Nullable OrderStatus status,
        @Nullable String number) {

    boolean searching() {
        return number != null;
    }

    /** The ILIKE pattern of the search text as a name fragment (its % _ \\ taken literally), or null. */
    @Nullable
    String namePattern() {
        return number == null
                ? null
                : "%" + number.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
