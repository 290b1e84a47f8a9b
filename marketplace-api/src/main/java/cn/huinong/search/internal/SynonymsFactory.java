package cn.huinong.search.internal;

import cn.huinong.indexer.text.Synonyms;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synonym dictionary both engines expand queries with: the bundled one and, when
 * {@code huinong.search.synonyms-file} names one, the operators' additions (same format). A missing or unreadable
 * file stops the start-up: a dictionary silently left out would be a search that quietly finds less.
 */
@Factory
class SynonymsFactory {

    private static final Logger log = LoggerFactory.getLogger(SynonymsFactory.class);

    @Singleton
    Synonyms synonyms(@Nullable @Value("${huinong.search.synonyms-file:}") String file) {
        List<Path> extra = file == null || file.isBlank() ? List.of() : List.of(Path.of(file));
        Synonyms s = new Synonyms(extra);
        log.info(
                "synonym dictionary {} with {} words{}",
                s.version(),
                s.size(),
                extra.isEmpty() ? "" : " (+ " + file + ")");
        return s;
    }
}
