package cn.huinong.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Whether a product counts toward a budget unit's reserved share, with the reasons in Chinese:
 * the conditions met when eligible, the conditions missed when not.
 */
@Serdeable
public record Eligibility(boolean eligible, List<String> reasons) {
}
