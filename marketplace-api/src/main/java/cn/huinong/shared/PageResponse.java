package cn.huinong.shared;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** The list envelope of API.md: {items, page, size, total}. */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> f) {
        return new PageResponse<>(items.stream().map(f).toList(), page, size, total);
    }
}
