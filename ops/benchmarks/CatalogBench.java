// Catalog benchmark (issue: catalog, certifications and search). Run by `ops/bench catalog`, which
// starts fresh services and the app, then this program:
//   1. generates the catalog in PostgreSQL (catalog-data.sql) and has the app build every search document;
//   2. measures the initial outbox drain, a full zero-downtime rebuild (docs/s) and a plain bulk load of
//      the same documents straight into Elasticsearch (docs/s), and their ratio;
//   3. measures search latency p50/p95/p99 and throughput at 1, 8 and 32 clients, through the API and with
//      the same Elasticsearch requests sent straight to Elasticsearch;
//   4. measures freshness: a product change through the API until it is searchable, p50/p95.
// Prints a Markdown report (also written to --out).
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CatalogBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final StringBuilder REPORT = new StringBuilder();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        String base = opt.get("base");
        String es = opt.get("es");
        String db = opt.get("db");
        int products = Integer.parseInt(opt.getOrDefault("products", "500000"));
        int suppliers = Integer.parseInt(opt.getOrDefault("suppliers", "30000"));
        long seconds = Long.parseLong(opt.getOrDefault("seconds", "20"));
        Path sql = Path.of(opt.getOrDefault("sql", "ops/benchmarks/catalog-data.sql"));

        line("# Catalog benchmark, " + Instant.now());
        line("");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
        line("- catalog: " + products + " products from " + suppliers + " suppliers in 832 designated counties");
        line("");

        String operator = login(base, "demo-operator", "Demo@2026");
        try (Connection c = DriverManager.getConnection(db, "huinong", "huinong")) {
            long t0 = System.nanoTime();
            long existing = count(c, "SELECT count(*) FROM product");
            if (existing < products) {
                String script = Files.readString(sql).replace("${products}", String.valueOf(products))
                        .replace("${suppliers}", String.valueOf(suppliers));
                try (Statement s = c.createStatement()) {
                    s.execute(script);
                }
            }
            line(String.format(Locale.ROOT, "- data generation (SQL: products, certificates, search documents, outbox): %.1f s",
                    secs(t0)));

            long documents = count(c, "SELECT count(*) FROM product_search_document WHERE searchable");
            t0 = System.nanoTime();
            // the SQL writes the facts; the app derives the searchable text (pinyin, ...) of every document
            // (SearchTextUpgrade, through the outbox again), so both passes are in this figure
            waitFor(() -> count(c, "SELECT count(*) FROM catalog_outbox") == 0
                    && count(c, "SELECT count(*) FROM product_search_document WHERE document->'textVersion' IS NULL") == 0,
                    Duration.ofMinutes(60));
            double drain = secs(t0);
            line(String.format(Locale.ROOT, "- initial indexing through the outbox, with the app deriving every document's search text"
                    + " (two passes): %d documents in %.1f s (%.0f docs/s)", documents, drain, documents / drain));

            // full rebuild through the operator API
            t0 = System.nanoTime();
            post(base + "/api/v1/search/index/rebuild", "{}", operator, Duration.ofSeconds(30));
            waitFor(() -> get(base + "/api/v1/search/index/status", operator).matches("(?s).*\"state\"\\s*:\\s*\"(DONE|FAILED)\".*"),
                    Duration.ofMinutes(60));
            double rebuildSecs = secs(t0);
            String status = get(base + "/api/v1/search/index/status", operator);
            if (status.contains("\"FAILED\"")) {
                throw new IllegalStateException("rebuild failed: " + status);
            }
            double rebuildRate = documents / rebuildSecs;
            double reportedRate = number(status, "docsPerSecond");

            // the same documents, plain bulk into a scratch index with the same mapping
            String index = indexBehind(es, "catalog");
            double plainRate = plainBulk(c, es, index, "bench-plain", 1000);
            line(String.format(Locale.ROOT,
                    "- full rebuild (new index, alias switch): %.0f docs/s end to end (indexer reports %.0f docs/s while streaming)",
                    rebuildRate, reportedRate));
            line(String.format(Locale.ROOT, "- plain bulk load of the same documents straight into Elasticsearch: %.0f docs/s", plainRate));
            line(String.format(Locale.ROOT, "- rebuild / plain bulk: %.2f", rebuildRate / plainRate));
            line("");

            // search latency: API vs the same Elasticsearch requests straight to Elasticsearch
            List<String> queries = queries(c, 300);
            List<LoadGen.Req> api = new ArrayList<>();
            List<LoadGen.Req> direct = new ArrayList<>();
            for (String q : queries) {
                api.add(new LoadGen.Req("GET", "/api/v1/catalog/search?" + q, null));
                String explained = get(base + "/api/v1/search/explain?" + q, operator);
                direct.add(new LoadGen.Req("POST", "/" + string(explained, "index") + "/_search", rawObject(explained, "body")));
            }
            line("| clients | API req/s | API p50 ms | API p95 ms | API p99 ms | ES req/s | ES p50 ms | ES p95 ms | ES p99 ms | API/ES p50 |");
            line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int clients : new int[] {1, 8, 32}) {
                LoadGen.Result a = LoadGen.run(api, base, List.of(), clients, seconds, 5);
                LoadGen.Result e = LoadGen.run(direct, es, List.of(), clients, seconds, 5);
                line(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %.2f |",
                        clients, a.throughput(), a.p50(), a.p95(), a.p99(), e.throughput(), e.p50(), e.p95(), e.p99(),
                        a.p50() / Math.max(0.001, e.p50())));
                if (a.errors() > 0 || e.errors() > 0) {
                    line("  (errors: API " + a.errors() + ", ES " + e.errors() + ")");
                }
            }
            line("");
            freshness(base, operator, Integer.parseInt(opt.getOrDefault("samples", "50")));
        }
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), REPORT.toString());
        }
    }

    /** A product change through the API (price edit by its supplier) until search shows the new price. */
    static void freshness(String base, String operator, int samples) throws Exception {
        String supplier = login(base, "demo-supplier", "Demo@2026");
        String name = "基准测试新鲜度茶叶" + System.currentTimeMillis();
        String created = post(base + "/api/v1/products", "{\"name\":\"" + name + "\",\"categoryCode\":\"0501\","
                + "\"originRegionCode\":\"522634\",\"unit\":\"盒\",\"spec\":\"250g/盒\",\"priceFen\":10000,\"stock\":100}",
                supplier, Duration.ofSeconds(30));
        long id = (long) number(created, "id");
        post(base + "/api/v1/products/" + id + "/submission", "{}", supplier, Duration.ofSeconds(30));
        post(base + "/api/v1/products/" + id + "/decision", "{\"decision\":\"APPROVE\"}", operator, Duration.ofSeconds(30));
        String q = "/api/v1/catalog/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        waitFor(() -> get(base + q, null).contains("\"id\":" + id), Duration.ofMinutes(2));
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long price = 10000 + i + 1;
            String body = "{\"name\":\"" + name + "\",\"categoryCode\":\"0501\",\"originRegionCode\":\"522634\","
                    + "\"unit\":\"盒\",\"spec\":\"250g/盒\",\"priceFen\":" + price + ",\"stock\":100}";
            long t0 = System.nanoTime();
            send("PUT", base + "/api/v1/products/" + id, body, supplier, Duration.ofSeconds(30));
            waitFor(() -> get(base + q, null).contains("\"priceFen\":" + price), Duration.ofMinutes(2));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        line(String.format(Locale.ROOT, "- freshness (price change through the API until searchable), %d samples: p50 %.0f ms, p95 %.0f ms, max %.0f ms",
                samples, ms[(int) Math.ceil(0.5 * samples) - 1], ms[(int) Math.ceil(0.95 * samples) - 1], ms[samples - 1]));
    }

    /** Realistic search requests: keywords from product names and categories, facets, sorts, pages. */
    static List<String> queries(Connection c, int n) throws Exception {
        List<String> words = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM category ORDER BY code")) {
            while (rs.next()) {
                words.add(rs.getString(1));
            }
        }
        words.addAll(List.of("有机", "生态", "高山", "富硒", "古树", "野生", "散养"));
        List<String> provinces = List.of("520000", "530000", "450000", "510000", "620000", "430000");
        String[] sorts = {"relevance", "price_asc", "price_desc", "sales", "newest"};
        String[] certs = {"GREEN_FOOD", "ASSISTANCE_PRODUCT", "GEOGRAPHICAL_INDICATION"};
        Random r = new Random(2026);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder q = new StringBuilder("q=" + URLEncoder.encode(words.get(r.nextInt(words.size())), StandardCharsets.UTF_8));
            if (r.nextInt(3) == 0) {
                q.append("&province=").append(provinces.get(r.nextInt(provinces.size())));
            }
            if (r.nextInt(3) == 0) {
                q.append("&certification=").append(certs[r.nextInt(certs.length)]);
            }
            if (r.nextInt(4) == 0) {
                q.append("&eligible=true");
            }
            if (r.nextInt(4) == 0) {
                q.append("&minPriceFen=1000&maxPriceFen=").append(2000 + r.nextInt(8000));
            }
            q.append("&sort=").append(sorts[r.nextInt(sorts.length)]).append("&page=").append(r.nextInt(3)).append("&size=20");
            out.add(q.toString());
        }
        return out;
    }

    static double plainBulk(Connection c, String es, String sourceIndex, String target, int batch) throws Exception {
        send("DELETE", es + "/" + target, null, null, Duration.ofSeconds(30));
        String def = get(es + "/" + sourceIndex, null);
        String mappings = rawObject(def, "mappings");
        String analysis = rawObject(def, "analysis");
        send("PUT", es + "/" + target, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0,\"analysis\":"
                + analysis + "},\"mappings\":" + mappings + "}", null, Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        long docs = 0;
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(batch);
            try (ResultSet rs = s.executeQuery(
                    "SELECT product_id, version, document::text FROM product_search_document WHERE searchable ORDER BY product_id")) {
                StringBuilder bulk = new StringBuilder();
                int inBatch = 0;
                while (rs.next()) {
                    bulk.append("{\"index\":{\"_id\":\"").append(rs.getLong(1)).append("\",\"version\":").append(rs.getLong(2))
                            .append(",\"version_type\":\"external\"}}\n").append(rs.getString(3)).append('\n');
                    docs++;
                    if (++inBatch == batch) {
                        bulk(es, target, bulk);
                        bulk.setLength(0);
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    bulk(es, target, bulk);
                }
            }
        }
        c.setAutoCommit(true);
        send("POST", es + "/" + target + "/_refresh", null, null, Duration.ofMinutes(5));
        double rate = docs / secs(t0);
        send("DELETE", es + "/" + target, null, null, Duration.ofSeconds(30));
        return rate;
    }

    static void bulk(String es, String index, StringBuilder body) throws Exception {
        String r = HTTP.send(HttpRequest.newBuilder(URI.create(es + "/" + index + "/_bulk"))
                .header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()).body();
        if (r.contains("\"errors\":true")) {
            throw new IllegalStateException("bulk errors: " + r.substring(0, Math.min(500, r.length())));
        }
    }

    static String indexBehind(String es, String alias) throws Exception {
        String r = get(es + "/_alias/" + alias, null);
        Matcher m = Pattern.compile("^\\{\"([^\"]+)\"").matcher(r);
        if (!m.find()) {
            throw new IllegalStateException("no index behind alias " + alias + ": " + r);
        }
        return m.group(1);
    }

    // ---- tiny HTTP and JSON helpers (JDK only) ----

    static String login(String base, String user, String password) throws Exception {
        String r = post(base + "/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
                null, Duration.ofSeconds(30));
        return string(r, "accessToken");
    }

    static String get(String url, String token) throws Exception {
        return send("GET", url, null, token, Duration.ofSeconds(60));
    }

    static String post(String url, String body, String token, Duration timeout) throws Exception {
        return send("POST", url, body, token, timeout);
    }

    static String send(String method, String url, String body, String token, Duration timeout) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400 && !(method.equals("DELETE") && r.statusCode() == 404)) {
            throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }

    static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The raw JSON object (balanced braces) that follows "field": in json. */
    static String rawObject(String json, String field) {
        int at = json.indexOf("\"" + field + "\"");
        if (at < 0) {
            throw new IllegalStateException("no " + field + " in " + json.substring(0, Math.min(300, json.length())));
        }
        int start = json.indexOf('{', at);
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("unbalanced JSON after " + field);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + max);
            }
            Thread.sleep(20);
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void line(String s) {
        System.out.println(s);
        REPORT.append(s).append('\n');
    }
}
