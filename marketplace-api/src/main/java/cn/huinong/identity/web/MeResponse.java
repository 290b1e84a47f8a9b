package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import cn.huinong.identity.OrganizationView;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Who the caller is; {@code security}: second factor on / required, recovery codes left, password change due. */
@Serdeable
record MeResponse(
        String username, List<String> roles, OrganizationView organization, Accounts.AccountSecurity security) {}
