package cn.huinong.indexer;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes documents with {@code version_type=external}: Elasticsearch keeps a document only when its
 * version is higher than the one it holds, so writers may run in any order and never regress a document.
 * A version conflict (409) therefore means "a newer one is already there" and counts as success, as
 * does deleting a document that is not there (404).
 */
final class IndexWriter {

    /** What to write for one product: its row when searchable, otherwise a delete at {@code version}. */
    record Change(long productId, long version, ObjectNode document) {
        static Change of(DocumentRow row) {
            return new Change(row.productId(), row.version(), row.searchable() ? row.document() : null);
        }

        static Change deleted(long productId, long version) {
            return new Change(productId, version, null);
        }
    }

    /**
     * Outcome of one bulk: documents accepted, conflicts (stale, skipped), the first failure worth
     * retrying the whole batch for (engine overloaded or failing, target index missing), and the
     * documents Elasticsearch rejected for what they are (e.g. a field it cannot parse): retrying
     * those cannot help, so they must not hold up the others.
     */
    record Result(int written, int stale, String failure, Map<Long, String> rejected) {
        boolean ok() {
            return failure == null;
        }
    }

    private final EngineClient engine;

    IndexWriter(EngineClient engine) {
        this.engine = engine;
    }

    /** Bulk-writes every change to every target (aliases; each must point at exactly one index). */
    Result write(List<Change> changes, List<String> targets) throws IOException {
        if (changes.isEmpty()) {
            return new Result(0, 0, null, Map.of());
        }
        List<BulkOperation> ops = new ArrayList<>();
        for (String target : targets) {
            for (Change ch : changes) {
                String id = Long.toString(ch.productId());
                if (ch.document() != null) {
                    ObjectNode doc = withSuggest(ch.document());
                    ops.add(BulkOperation.of(o -> o.index(i -> i.index(target)
                            .id(id)
                            .version(ch.version())
                            .versionType(VersionType.External)
                            .requireAlias(true)
                            .document(doc))));
                } else {
                    ops.add(BulkOperation.of(o -> o.delete(
                            d -> d.index(target).id(id).version(ch.version()).versionType(VersionType.External))));
                }
            }
        }
        BulkResponse response = engine.get().bulk(BulkRequest.of(b -> b.operations(ops)));
        int written = 0;
        int stale = 0;
        String failure = null;
        Map<Long, String> rejected = new LinkedHashMap<>();
        for (BulkResponseItem item : response.items()) {
            int status = item.status();
            String reason = item.error() == null
                    ? ""
                    : item.error().type() + " " + item.error().reason();
            if (status >= 200 && status < 300) {
                written++;
            } else if (status == 409 || (status == 404 && item.error() == null)) {
                stale++;
            } else if (retryable(
                    status, item.error() == null ? null : item.error().type())) {
                if (failure == null) {
                    failure = item.index() + "/" + item.id() + ": " + status + " " + reason;
                }
            } else {
                String text = status + " " + reason;
                rejected.put(Long.parseLong(item.id()), text.length() > 400 ? text.substring(0, 400) : text);
            }
        }
        return new Result(written, stale, failure, rejected);
    }

    private static boolean retryable(int status, String errorType) {
        return status == 429
                || status >= 500
                || status == 404
                || "index_not_found_exception".equals(errorType)
                || "cluster_block_exception".equals(errorType);
    }

    /**
     * The completion inputs: the product name ({@code suggest}) and its brand name ({@code brandSuggest}).
     * Two fields, because a completion suggester offers each document once. The fallback's token lists stay in
     * PostgreSQL: Elasticsearch analyses the text fields itself.
     */
    static ObjectNode withSuggest(ObjectNode document) {
        ObjectNode doc = document.deepCopy();
        doc.remove(List.of("tokens", "primaryTokens", "textVersion"));
        completion(doc, "suggest", doc.get("name"));
        completion(doc, "brandSuggest", doc.get("brandName"));
        return doc;
    }

    private static void completion(ObjectNode doc, String field, JsonNode value) {
        ArrayNode input = doc.arrayNode();
        addText(input, value);
        if (!input.isEmpty()) {
            doc.set(field, doc.objectNode().set("input", input));
        }
    }

    private static void addText(ArrayNode input, JsonNode value) {
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            input.add(value.asText().strip());
        }
    }
}
