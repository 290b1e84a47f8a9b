package cn.huinong.identity.web;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** The one-time password, shown to the operator once; the user must set a new password when signing in with it. */
@Serdeable
record TemporaryPasswordResponse(String username, String temporaryPassword, Instant validUntil) {}
