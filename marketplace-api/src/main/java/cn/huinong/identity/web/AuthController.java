package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.InputProblems;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

@Controller("/api/v1/auth")
@InputProblems
@Secured(SecurityRule.IS_ANONYMOUS)
class AuthController {

    private final Accounts accounts;

    AuthController(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Exchange username and password for a bearer JWT; users with a second factor get {@code mfaRequired} and a
     * {@code challenge} for {@code POST /auth/login/totp} instead. 401 on wrong credentials, 429 when throttled.
     */
    @Post("/login")
    @ApiResponse(responseCode = "200", description = "登录成功，或需要第二步验证（mfaRequired）")
    @ApiResponse(responseCode = "401", description = "用户名或密码错误")
    @ApiResponse(responseCode = "429", description = "失败次数过多，稍后再试（Retry-After）")
    LoginResponse login(@Valid @Body LoginRequest request, @Parameter(hidden = true) Actor caller) {
        return LoginResponse.of(accounts.login(request.username().strip(), request.password(), caller.ipAddress()));
    }

    /** The second step of a sign-in with TOTP: the challenge and a 6-digit code (or a recovery code). */
    @Post("/login/totp")
    @ApiResponse(responseCode = "200", description = "登录成功")
    @ApiResponse(responseCode = "401", description = "验证码错误、已使用，或验证已失效")
    @ApiResponse(responseCode = "429", description = "失败次数过多，稍后再试（Retry-After）")
    LoginResponse loginWithTotp(@Valid @Body TotpLoginRequest request, @Parameter(hidden = true) Actor caller) {
        return LoginResponse.of(accounts.completeLogin(request.challenge(), request.code(), caller.ipAddress()));
    }

    /** Ends this token's session on every instance: from now on it is refused (401). */
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "已退出登录")
    @StandardProblems
    void logout(@Parameter(hidden = true) Authentication authentication, @Parameter(hidden = true) Actor actor) {
        accounts.logout(actor, SessionFilter.jtiOf(authentication));
    }
}
