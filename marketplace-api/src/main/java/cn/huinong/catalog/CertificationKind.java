package cn.huinong.catalog;

public enum CertificationKind {
    /** 帮扶产品认定 */
    ASSISTANCE_PRODUCT("帮扶产品认定"),
    /** 绿色食品 */
    GREEN_FOOD("绿色食品"),
    /** 有机产品 */
    ORGANIC("有机产品"),
    /** 农产品地理标志 */
    GEOGRAPHICAL_INDICATION("农产品地理标志"),
    /** 名特优新农产品 */
    FAMOUS_SPECIAL("名特优新农产品"),
    /** 承诺达标合格证 */
    COMPLIANCE_CERTIFICATE("承诺达标合格证");

    private final String label;

    CertificationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
