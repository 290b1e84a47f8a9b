package cn.huinong.identity.web;

import cn.huinong.identity.OrganizationStatus;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record RegistrationResponse(long id, OrganizationStatus status) {}
