package cn.huinong.payments.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Demo/test card flow: a test payment method such as {@code pm_card_visa} (the default). */
@Serdeable
record ConfirmationRequest(@Nullable String paymentMethod) {}
