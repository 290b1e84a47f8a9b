package cn.huinong.identity.web;

import cn.huinong.identity.Accounts;
import cn.huinong.shared.Actor;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

@Controller("/api/v1/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
class AuthController {

    private final Accounts accounts;

    AuthController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Exchange username and password for a bearer JWT. 401 on wrong credentials, 429 when throttled. */
    @Post("/login")
    @ApiResponse(responseCode = "200", description = "登录成功")
    @ApiResponse(responseCode = "401", description = "用户名或密码错误")
    @ApiResponse(responseCode = "429", description = "失败次数过多，稍后再试（Retry-After）")
    LoginResponse login(@Valid @Body LoginRequest request, @Parameter(hidden = true) Actor caller) {
        Accounts.IssuedToken t = accounts.login(request.username().strip(), request.password(), caller.ipAddress());
        return new LoginResponse(t.accessToken(), "Bearer", t.expiresInSeconds(), t.user());
    }
}
