package cn.huinong.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** The list envelope of API.md: {items, page, size, total}; an empty page still carries {@code items: []}. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> f) {
        return new PageResponse<>(items.stream().map(f).toList(), page, size, total);
    }
}
