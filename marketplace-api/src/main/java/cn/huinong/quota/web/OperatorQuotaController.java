package cn.huinong.quota.web;

import cn.huinong.quota.ConsistencyReport;
import cn.huinong.quota.Quotas;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;

/** Operator tools of the reserved share. */
@Controller("/api/v1/operator/quota")
class OperatorQuotaController {

    private final Quotas quotas;

    OperatorQuotaController(Quotas quotas) {
        this.quotas = quotas;
    }

    /** Recomputes every unit's eligible spent for the year from orders and refunds; lists where the ledger differs. */
    @Post("/consistency-check")
    @Secured("OPERATOR")
    ConsistencyReport consistencyCheck(@QueryValue int year) {
        return quotas.consistencyCheck(year);
    }
}
