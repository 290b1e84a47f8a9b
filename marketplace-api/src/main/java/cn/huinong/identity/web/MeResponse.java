package cn.huinong.identity.web;

import cn.huinong.identity.OrganizationView;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

@Serdeable
record MeResponse(String username, List<String> roles, OrganizationView organization) {
}
