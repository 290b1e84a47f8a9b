package cn.huinong.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog index: searches go to the alias ({@code catalog}, with an optional prefix for tests),
 * which points at exactly one concrete, versioned index ({@code catalog-v1}, {@code catalog-20261122191500}, ...).
 * During a rebuild a second alias ({@code catalog-rebuilding}) points at the index being built, so that
 * every outbox batch, in whatever process, writes to both.
 *
 * <p>Mapping: Chinese text is indexed through the standard tokenizer (Han characters as unigrams) +
 * lowercase + a shingle filter that adds bigrams ({@code zh_text}); queries are analyzed into bigrams
 * only ({@code zh_search}; a single character stays a unigram), so that 毛尖 matches the word 毛尖 and
 * not a text that merely holds 毛 and 尖 (a match query treats tokens at one position as alternatives,
 * so unigrams in the query would make every bigram optional); {@code name.exact} (keyword, lowercased) for
 * whole-name matches; keyword fields for facets and filters; money as {@code long} fen; a
 * {@code completion} fields ({@code suggest} and {@code brandSuggest}, filled by the indexer from name and brand) for the search box.
 */
public final class CatalogIndex {

    public static final String DEFAULT_ALIAS = "catalog";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final String alias;

    public CatalogIndex(String prefix) {
        String p = prefix == null ? "" : prefix.strip().toLowerCase();
        this.alias = p + DEFAULT_ALIAS;
    }

    public static CatalogIndex standard() {
        return new CatalogIndex("");
    }

    /** The name searches and outbox writes use. */
    public String alias() {
        return alias;
    }

    /** The alias that marks the index of a rebuild in progress (a second write target). */
    public String rebuildingAlias() {
        return alias + "-rebuilding";
    }

    /** The first index, created with the alias when there is none. Deterministic, so that two processes agree. */
    public String initialIndex() {
        return alias + "-v1";
    }

    /** A fresh concrete index name for a rebuild. */
    public String newIndexName() {
        return alias + "-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /** Settings and mappings as the JSON body of a create-index request. */
    public static String definition() {
        try (InputStream in = CatalogIndex.class.getResourceAsStream("catalog-index.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a concrete index with the catalog settings and mappings (no alias). */
    public void createIndex(ElasticsearchClient es, String index) throws IOException {
        es.indices().create(c -> c.withJson(new StringReader(definition())).index(index));
    }

    /**
     * Makes sure the alias exists: when missing, creates {@link #initialIndex()} together with the alias
     * (one request, so readers never see an index without it). Returns the concrete index behind the alias.
     */
    public String ensure(ElasticsearchClient es) throws IOException {
        Optional<String> current = currentIndex(es);
        if (current.isPresent()) {
            return current.get();
        }
        try {
            es.indices()
                    .create(c -> c.withJson(new StringReader(definition()))
                            .index(initialIndex())
                            .aliases(alias, a -> a));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        return currentIndex(es)
                .orElseThrow(() -> new IllegalStateException("alias " + alias + " missing after create"));
    }

    /** The concrete index the alias points at, if the alias exists. */
    public Optional<String> currentIndex(ElasticsearchClient es) throws IOException {
        return indexOf(es, alias);
    }

    /** The index being rebuilt, if a rebuild is in progress. */
    public Optional<String> rebuildingIndex(ElasticsearchClient es) throws IOException {
        return indexOf(es, rebuildingAlias());
    }

    private static Optional<String> indexOf(ElasticsearchClient es, String alias) throws IOException {
        if (!es.indices().existsAlias(e -> e.name(alias)).value()) {
            return Optional.empty();
        }
        Set<String> indices = es.indices().getAlias(g -> g.name(alias)).result().keySet();
        return indices.stream().sorted().findFirst();
    }
}
