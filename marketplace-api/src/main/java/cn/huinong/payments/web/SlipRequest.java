package cn.huinong.payments.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;

/** The transfer slip (回单): a file uploaded with purpose TRANSFER_SLIP, and the transfer date printed on it. */
@Serdeable
record SlipRequest(@NotNull @Positive Long fileId, @NotNull LocalDate transferDate) {}
