package cn.huinong.payments.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an operator found and did about a gateway mismatch. */
@Serdeable
record ResolutionRequest(@NotBlank @Size(max = 1000) String resolution) {}
