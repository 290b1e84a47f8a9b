package cn.huinong.identity.web;

import cn.huinong.identity.AccountAdministration;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Operators: users' sign-in (账号安全): one-time password reset, ending all sessions, lifting a lock. All audited. */
@Controller("/api/v1/users")
@StandardProblems
@Secured(Role.Names.OPERATOR)
class AccountAdminController {

    private final AccountAdministration accounts;

    AccountAdminController(AccountAdministration accounts) {
        this.accounts = accounts;
    }

    /** Users by username or organisation name; {@code locked=true}: only accounts under an account-wide lock. */
    @Get
    PageResponse<AccountAdministration.AccountView> list(
            @Nullable @QueryValue String q,
            @Nullable @QueryValue Boolean locked,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        return accounts.search(q, Boolean.TRUE.equals(locked), PageQuery.of(page, size));
    }

    /** A one-time password for the user; all the user's sessions end; a new password is due at the next sign-in. */
    @Post("/{username}/password-reset")
    @ApiResponse(responseCode = "200", description = "一次性密码（只显示这一次）")
    @ApiResponse(responseCode = "404", description = "用户不存在")
    TemporaryPasswordResponse resetPassword(@PathVariable String username, @Parameter(hidden = true) Actor actor) {
        AccountAdministration.TemporaryPassword t = accounts.resetPassword(username, actor);
        return new TemporaryPasswordResponse(username, t.password(), t.validUntil());
    }

    /** Ends every session (token) of the user on every instance. */
    @Post("/{username}/session-revocation")
    SessionRevocationResponse revokeSessions(@PathVariable String username, @Parameter(hidden = true) Actor actor) {
        return new SessionRevocationResponse(username, accounts.revokeSessions(username, actor));
    }

    /** The user lost the authenticator and the recovery codes: TOTP removed, every session ended. */
    @Post("/{username}/mfa-reset")
    @Status(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "已重置两步验证")
    @ApiResponse(responseCode = "409", description = "该用户未启用两步验证")
    void resetSecondFactor(@PathVariable String username, @Parameter(hidden = true) Actor actor) {
        accounts.resetSecondFactor(username, actor);
    }

    /** Lifts an account-wide sign-in lock. */
    @Post("/{username}/unlock")
    @Status(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "已解锁")
    @ApiResponse(responseCode = "409", description = "该账号当前未被锁定")
    void unlock(@PathVariable String username, @Parameter(hidden = true) Actor actor) {
        accounts.unlock(username, actor);
    }
}
