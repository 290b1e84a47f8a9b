package cn.huinong.ordering.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

@Serdeable
record IssuedInvoiceRequest(
        @NotBlank(message = "发票号码不能为空") @Size(max = 50, message = "发票号码不能超过50字")
        String invoiceNumber,

        @NotNull(message = "开票日期不能为空") LocalDate issuedOn) {}
