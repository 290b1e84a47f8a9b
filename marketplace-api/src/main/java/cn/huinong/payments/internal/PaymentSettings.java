package cn.huinong.payments.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The gateway (Stripe or compatible): where, with which keys, how patiently; when a card payment or refund that is
 * not final is reconciled by the scheduled job ({@code reconcileAfter}); how many automatic refunds of one payment
 * may fail before it is left to an operator; how long a card payment ({@code cardWindow}) and a bank transfer
 * ({@code transferWindow}, 对公转账 takes days) are awaited, and how long before a transfer's window closes the buyer
 * is reminded.
 */
@ConfigurationProperties("huinong.payments")
record PaymentSettings(
        @NotBlank String apiBase,
        @NotBlank String secretKey,
        @NotBlank String webhookSecret,
        @Min(0) @Max(10) int maxNetworkRetries,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull Duration reconcileAfter,
        @Min(1) @Max(20) int maxAutomaticRefundFailures,
        @NotNull Duration cardWindow,
        @NotNull Duration transferWindow,
        @NotNull Duration transferReminderBefore) {}
