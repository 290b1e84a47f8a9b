package cn.huinong.payments.web;

import cn.huinong.payments.PaymentMethod;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
record PaymentRequest(@NotNull PaymentMethod method) {}
