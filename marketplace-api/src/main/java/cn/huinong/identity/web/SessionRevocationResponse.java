package cn.huinong.identity.web;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record SessionRevocationResponse(String username, int sessionsEnded) {}
