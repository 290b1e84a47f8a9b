package cn.huinong.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Whether a product counts toward a budget unit's reserved share, with the reasons in Chinese:
 * the conditions met when eligible, the conditions missed when not.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Eligibility(boolean eligible, List<String> reasons) {}
