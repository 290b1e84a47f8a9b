package cn.huinong.payments.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

/**
 * The supplier's confirmation of a transfer: the date the payer transferred (default: the slip's, else today) and,
 * optionally, the amount that arrived (must be the payment's).
 */
@Serdeable
record ReceiptRequest(
        @Nullable LocalDate transferDate,
        @Nullable @Positive Long amountFen) {}
