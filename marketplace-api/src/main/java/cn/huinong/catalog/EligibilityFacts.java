package cn.huinong.catalog;

import io.micronaut.core.annotation.Nullable;

/**
 * The facts the reserved-share eligibility of a product is decided from.
 *
 * @param originProvinceCode the province of the product's origin, whose configuration may demand a recognition
 * @param validAssistanceRecognition an APPROVED, unexpired ASSISTANCE_PRODUCT certification exists
 */
public record EligibilityFacts(
        boolean supplierApproved,
        boolean supplierRegionPovertyAlleviated,
        boolean originPovertyAlleviated,
        @Nullable String originProvinceCode,
        boolean validAssistanceRecognition) {}
