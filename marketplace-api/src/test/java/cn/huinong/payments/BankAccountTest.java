package cn.huinong.payments;

import static cn.huinong.support.CatalogFixtures.expect;
import static cn.huinong.support.OrderingFixtures.checkout;
import static cn.huinong.support.OrderingFixtures.id;
import static cn.huinong.support.OrderingFixtures.line;
import static cn.huinong.support.OrderingFixtures.orders;
import static cn.huinong.support.OrderingFixtures.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.Api;
import cn.huinong.support.CatalogFixtures;
import cn.huinong.support.CatalogFixtures.Supplier;
import cn.huinong.support.OrderingFixtures;
import cn.huinong.support.PaymentFixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Suppliers' corporate accounts (对公账户) and what bank-transfer payments show of them. */
@MicronautTest(transactional = false)
class BankAccountTest extends GatewayTestBase {

    static final String PATH = "/api/v1/suppliers/me/bank-account";

    Map<String, Object> account(String name, String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("bankName", "中国工商银行黔东南分行");
        body.put("accountName", name);
        body.put("accountNumber", number);
        return body;
    }

    @Test
    void aSupplierRecordsItsAccount_validatedAndAudited() {
        Supplier other = CatalogFixtures.supplier(organizations, api);
        String name = PaymentFixtures.organizationName(api, other.token());
        Api.Response none = api.get(PATH, other.token());
        assertEquals(404, none.status());
        assertEquals("urn:huinong:problem:bank-account-not-found", none.get("type"));

        Map<String, Object> saved = expect(200, api.put(PATH, account(name, "2408 0201 0900 1234 567"), other.token()))
                .body();
        assertEquals("240802010900123456" + "7", saved.get("accountNumber"), "spaces are dropped");
        assertEquals(name, saved.get("accountName"));
        Map<String, Object> got = expect(200, api.get(PATH, other.token())).body();
        assertEquals("中国工商银行黔东南分行", got.get("bankName"));
        assertEquals(1, db.count("""
                SELECT count(*) FROM audit_event WHERE action = 'SUPPLIER_BANK_ACCOUNT_RECORDED' AND resource_id = ?
                  AND detail->>'accountNumber' = '****4567'""", String.valueOf(other.id())));

        Api.Response letters = api.put(PATH, account(name, "6222abc"), other.token());
        assertEquals(400, letters.status());
        assertTrue(
                letters.violatedFields().contains("accountNumber"),
                letters.body().toString());
        Map<String, Object> noBank = account(name, "24080201090012345");
        noBank.put("bankName", "");
        assertEquals(400, api.put(PATH, noBank, other.token()).status());
        Api.Response wrongName = api.put(PATH, account("张三", "24080201090012345"), other.token());
        assertEquals(422, wrongName.status());
        assertEquals("urn:huinong:problem:bank-account-name-mismatch", wrongName.get("type"));
        assertTrue(
                ((String) wrongName.get("detail")).contains("户名须与供应商登记名称一致"),
                wrongName.body().toString());
        assertEquals(
                403,
                api.put(PATH, account(name, "24080201090012345"), buyer.token()).status());
        assertEquals(403, api.get(PATH, operator).status());
        assertEquals(
                "2408020109001234567",
                expect(200, api.get(PATH, other.token())).get("accountNumber"),
                "refused changes change nothing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBankTransferShowsTheAccountAsItWas_theAmountAndAUniqueReference() {
        long first = placeOrder(1);
        long second = placeOrder(2);
        Api.Response a = expect(201, pay(first, "BANK_TRANSFER", null));
        Api.Response b = expect(201, pay(second, "BANK_TRANSFER", null));
        Map<String, Object> ta = (Map<String, Object>) a.get("transfer");
        Map<String, Object> tb = (Map<String, Object>) b.get("transfer");
        assertEquals(accountNumber, ta.get("accountNumber"));
        assertEquals(PaymentFixtures.BANK, ta.get("bankName"));
        assertEquals(PRICE, fen(ta, "amountFen"));
        assertEquals(2 * PRICE, fen(tb, "amountFen"));
        assertTrue(!ta.get("reference").equals(tb.get("reference")), "one reference per payment");

        // the supplier changes its account: the payment keeps what the buyer was told
        expect(
                200,
                api.put(
                        PATH,
                        account(PaymentFixtures.organizationName(api, supplier.token()), "9558800000000001"),
                        supplier.token()));
        long newOrder = placeOrder(1);
        Map<String, Object> tc = (Map<String, Object>)
                expect(201, pay(newOrder, "BANK_TRANSFER", null)).get("transfer");
        assertEquals("9558800000000001", tc.get("accountNumber"));
        assertEquals(
                accountNumber,
                db.rows("SELECT payee_account_number FROM payment WHERE id = ?", paymentId(a))
                        .get(0)
                        .get("payee_account_number"));
    }

    @Test
    void choosingBankTransferFromASupplierWithoutAnAccount_is422() {
        Supplier bare = CatalogFixtures.supplier(organizations, api);
        long product = OrderingFixtures.listed(api, bare, operator, 5000, 5);
        long order = id(orders(expect(201, place(api, buyer.token(), null, checkout(line(product, 1)))))
                .get(0));
        Api.Response r = pay(order, "BANK_TRANSFER", "bt-" + order);
        assertEquals(422, r.status());
        assertTrue(((String) r.get("detail")).contains("尚未登记对公收款账户"), r.body().toString());
        assertEquals(0, payments(order(order)).size());
        // the key was not used up: once the supplier has an account, the same request goes through
        PaymentFixtures.bankAccount(api, bare);
        assertEquals(201, pay(order, "BANK_TRANSFER", "bt-" + order).status());
    }
}
