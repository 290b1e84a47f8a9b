package cn.huinong.ordering;

import cn.huinong.shared.problem.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * 409 {@code invoice-not-allowed}: an invoice request for a cancelled or refunded order or after the invoice was
 * issued; an issued invoice recorded without the buyer's request or before payment.
 */
public final class InvoiceNotAllowed extends ConflictException {

    public InvoiceNotAllowed(String detail) {
        super("invoice-not-allowed", detail, List.of(), Map.of());
    }
}
