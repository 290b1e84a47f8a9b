package cn.huinong.payments.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The supplier sent a bank-transfer refund: on which day, with which bank reference (流水号). */
@Serdeable
record RefundSentRequest(
        @NotNull LocalDate sentOn,
        @Nullable @Size(max = 100) String bankReference) {}
