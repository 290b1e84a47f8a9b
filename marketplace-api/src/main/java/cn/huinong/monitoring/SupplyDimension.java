package cn.huinong.monitoring;

/** The groupings of the supply side, as exports name them. */
public enum SupplyDimension {
    COUNTY("产地区县"),
    CATEGORY("品类"),
    BRAND("品牌"),
    SUPPLIER("供应商"),
    PRODUCT("商品");

    private final String label;

    SupplyDimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
