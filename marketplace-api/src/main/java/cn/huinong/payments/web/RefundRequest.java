package cn.huinong.payments.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Serdeable
record RefundRequest(
        @Positive long amountFen, @NotBlank @Size(max = 500) String reason) {}
