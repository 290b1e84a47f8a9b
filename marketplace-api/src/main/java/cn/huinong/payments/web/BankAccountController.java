package cn.huinong.payments.web;

import cn.huinong.payments.BankAccount;
import cn.huinong.payments.BankAccounts;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.StandardProblems;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/** The calling supplier's corporate account (对公账户), shown to buyers who pay by bank transfer. */
@Controller("/api/v1/suppliers/me/bank-account")
@StandardProblems
@Secured(Role.Names.SUPPLIER)
class BankAccountController {

    private final BankAccounts accounts;

    BankAccountController(BankAccounts accounts) {
        this.accounts = accounts;
    }

    /** The supplier's corporate account (对公账户). */
    @Get
    @ApiResponse(responseCode = "404", description = "尚未登记对公账户")
    BankAccount get(@Parameter(hidden = true) Actor actor) {
        return accounts.mine(actor);
    }

    /** Records or changes the supplier's corporate account (对公账户). */
    @Put
    @ApiResponse(responseCode = "400", description = "开户行、户名或账号有误")
    @ApiResponse(responseCode = "422", description = "户名与供应商登记名称不一致")
    BankAccount put(@Valid @Body BankAccountRequest request, @Parameter(hidden = true) Actor actor) {
        return accounts.record(request.bankName(), request.accountName(), request.accountNumber(), actor);
    }
}
