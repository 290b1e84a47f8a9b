package cn.huinong.payments;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A supplier's corporate account (对公账户): where buyer units transfer the money of its orders. */
@Serdeable
public record BankAccount(
        long supplierId, String bankName, String accountName, String accountNumber, Instant updatedAt) {}
