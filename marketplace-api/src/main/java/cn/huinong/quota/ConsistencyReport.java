package cn.huinong.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Eligible spent recomputed from orders and their refunds, compared per unit with the ledger and with the figures
 * monitoring reads. {@code pendingEvents}: order events not yet consumed (their units may show as mismatches until
 * the ledger catches up).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConsistencyReport(
        int year, Instant checkedAt, long unitsChecked, long pendingEvents, List<Mismatch> mismatches) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Mismatch(long organizationId, long fromOrdersFen, long ledgerFen, long figuresFen) {}
}
