package cn.huinong.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A product in search results. {@code origin.province} is the province code ({@code NN0000});
 * {@code highlight} is the name, HTML-escaped, with the matched words in {@code <em>}.
 */
@Serdeable
public record SearchItem(
        long id,
        String name,
        long priceFen,
        String unit,
        String spec,
        Supplier supplier,
        Origin origin,
        @Nullable Brand brand,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> certifications,
        boolean eligible,
        int stock,
        boolean inStock,
        long salesCount,
        @Nullable String imageUrl,
        String highlight) {

    @Serdeable
    public record Supplier(Long id, String name) {}

    @Serdeable
    public record Origin(
            String code,
            String name,
            String province,
            @Nullable String provinceName) {}

    @Serdeable
    public record Brand(Long id, String name, String kind) {}
}
