package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import cn.huinong.identity.Organizations;
import cn.huinong.identity.TwoFactor;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.NotFoundException;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@Controller("/api/v1/me")
@StandardProblems
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    private final Accounts accounts;
    private final Organizations organizations;
    private final TwoFactor twoFactor;

    MeController(Accounts accounts, Organizations organizations, TwoFactor twoFactor) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.twoFactor = twoFactor;
    }

    /** The caller and its organisation (with its review status; a regulator's scopeRegionCode). */
    @Get
    MeResponse me(@Parameter(hidden = true) Actor actor) {
        Accounts.SessionUser user = accounts.user(actor.username());
        return new MeResponse(
                user.username(),
                user.roles(),
                organizations.find(user.organizationId()).orElseThrow(() -> new NotFoundException("机构不存在")),
                accounts.security(actor.username()));
    }

    /** Change the caller's password: the old one stops working and the caller's other sessions end. */
    @Put("/password")
    @Status(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "密码已修改")
    @ApiResponse(responseCode = "400", description = "当前密码不正确，或新密码不符合规则（violations 逐项说明）")
    void changePassword(
            @Valid @Body ChangePasswordRequest request,
            @Parameter(hidden = true) Authentication authentication,
            @Parameter(hidden = true) Actor actor) {
        accounts.changePassword(
                actor, SessionFilter.jtiOf(authentication), request.currentPassword(), request.newPassword());
    }

    /** Start binding an authenticator app: a new secret and its otpauth:// URI (for the QR code). */
    @Post("/mfa/totp")
    @ApiResponse(responseCode = "200", description = "待确认的密钥")
    @ApiResponse(responseCode = "409", description = "两步验证已启用")
    TwoFactor.TotpEnrolment startTotp(@Parameter(hidden = true) Actor actor) {
        return twoFactor.startTotp(actor);
    }

    /** Confirm the binding with a first code: TOTP is on from now; the recovery codes are shown this once. */
    @Post("/mfa/totp/confirmation")
    @ApiResponse(responseCode = "200", description = "两步验证已启用")
    @ApiResponse(responseCode = "400", description = "验证码不正确")
    RecoveryCodesResponse confirmTotp(
            @Valid @Body TotpCodeRequest request,
            @Parameter(hidden = true) Authentication authentication,
            @Parameter(hidden = true) Actor actor) {
        return new RecoveryCodesResponse(
                twoFactor.confirmTotp(actor, SessionFilter.jtiOf(authentication), request.code()));
    }

    /** Turn TOTP off with a current code or a recovery code (422 where the role requires it). */
    @Post("/mfa/totp/removal")
    @Status(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "两步验证已关闭")
    @ApiResponse(responseCode = "400", description = "验证码不正确")
    @ApiResponse(responseCode = "422", description = "该角色必须启用两步验证")
    void disableTotp(@Valid @Body TotpCodeRequest request, @Parameter(hidden = true) Actor actor) {
        twoFactor.disableTotp(actor, request.code());
    }
}
