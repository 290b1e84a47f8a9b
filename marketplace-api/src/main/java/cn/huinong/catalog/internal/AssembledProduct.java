package cn.huinong.catalog.internal;

import cn.huinong.catalog.BrandView;
import cn.huinong.catalog.CertificationView;
import cn.huinong.catalog.Eligibility;
import cn.huinong.identity.OrganizationView;
import java.util.List;

/** A product with everything its page and its search document show, read in one place. */
record AssembledProduct(
        ProductRow row,
        OrganizationView supplier,
        String categoryName,
        List<String> categoryPath,
        List<String> categoryNames,
        String originName,
        String provinceCode,
        String provinceName,
        String prefectureCode,
        String prefectureName,
        BrandView brand,
        List<CertificationView> certifications,
        Eligibility eligibility) {

    boolean searchable() {
        return row.status() == cn.huinong.catalog.ProductStatus.LISTED
                && supplier.status() == cn.huinong.identity.OrganizationStatus.APPROVED;
    }
}
