package cn.huinong.support;

import java.util.Map;

/** Builders for payment tests: a supplier's corporate account. */
public final class PaymentFixtures {

    public static final String BANK = "中国农业银行雷山县支行";

    private PaymentFixtures() {}

    /** The supplier's registered name, from GET /me. */
    @SuppressWarnings("unchecked")
    public static String organizationName(Api api, String token) {
        Map<String, Object> me =
                CatalogFixtures.expect(200, api.get("/api/v1/me", token)).body();
        return (String) ((Map<String, Object>) me.get("organization")).get("name");
    }

    /** Records the supplier's 对公账户 (account name = its registered name); returns the account number. */
    public static String bankAccount(Api api, CatalogFixtures.Supplier supplier) {
        String number = "2345" + String.format("%014d", Math.abs(supplier.id() * 7919L) % 100_000_000_000_000L);
        CatalogFixtures.expect(
                200,
                api.put(
                        "/api/v1/suppliers/me/bank-account",
                        Map.of(
                                "bankName",
                                BANK,
                                "accountName",
                                organizationName(api, supplier.token()),
                                "accountNumber",
                                number),
                        supplier.token()));
        return number;
    }
}
