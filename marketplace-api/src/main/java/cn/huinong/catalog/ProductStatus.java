package cn.huinong.catalog;

/** A product's review life cycle: DRAFT -> PENDING_REVIEW -> LISTED -> DELISTED (-> PENDING_REVIEW again). */
public enum ProductStatus {
    DRAFT("草稿"),
    PENDING_REVIEW("待审核"),
    LISTED("已上架"),
    DELISTED("已下架");

    private final String label;

    ProductStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
