package cn.huinong.identity.web;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Shown once: each code signs in once instead of a TOTP code (e.g. when the phone is lost). */
@Serdeable
record RecoveryCodesResponse(List<String> recoveryCodes) {}
