// The reserved-share benchmark (issue 5), run by `ops/bench quota`:
//  1. generates the data set inside PostgreSQL (checkout-data.sql for suppliers, products and buyers of the checkout
//     load, then quota-data.sql: budget units over the real counties, plans, regulators, orders with their lines,
//     the ledger and quota_unit_figures), statement by statement with timings;
//  2. measures over HTTP with real JWTs (demo-operator for the country, bench-reg-<code> regulators scoped to a
//     province / prefecture / county): summary (with its children = the drill-down), trend and unit lists per level,
//     one client, rotating over the largest and many typical regions of the level;
//  3. times the exports of the largest province (units CSV / XLSX, notice HTML / XLSX);
//  4. measures the ledger consumer (the app's own poller) draining a backlog of ORDER_PAID / ORDER_REFUNDED outbox
//     events, idle and while checkout load runs (CheckoutBench's checkout), with the checkout throughput meanwhile;
//  5. runs the operator's consistency check (POST /api/v1/operator/quota/consistency-check), timed; any mismatch
//     or failed request fails the run.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

public class QuotaBench {

    static final StringBuilder REPORT = new StringBuilder();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static boolean failed = false;

    record Region(String code, String name, long units) {
    }

    record Cell(String what, String level, int samples, long errors, double p50, double p95, double p99, double max,
                String largest) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        String base = opt.get("base");
        String db = opt.get("db");
        long units = Long.parseLong(opt.getOrDefault("units", "1000000"));
        long orders = Long.parseLong(opt.getOrDefault("orders", "10000000"));
        long backlog = Long.parseLong(opt.getOrDefault("backlog", String.valueOf(Math.max(1000, Math.min(100_000, orders / 100)))));
        int samples = Integer.parseInt(opt.getOrDefault("samples", "40"));
        long seconds = Long.parseLong(opt.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int clients = Integer.parseInt(opt.getOrDefault("checkout-clients", "8"));
        int year = Integer.parseInt(opt.getOrDefault("year",
                String.valueOf(Instant.now().atZone(ZoneId.of("Asia/Shanghai")).getYear())));
        String only = opt.getOrDefault("only", "all"); // all | http | ledger (for development)

        line("# Reserved-share benchmark, " + Instant.now());
        line("");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB heap for this program, Java "
                + System.getProperty("java.version") + ", load average at start " + CheckoutBench.loadAverage());
        line(String.format(Locale.ROOT, "- asked for: %,d budget units, %,d orders of %d (of which 2 x %,d held back as "
                + "the ledger backlogs), %d samples per cell (at most %d s), %d warm-up requests per cell", units, orders,
                year, backlog, samples, seconds, warmup));

        try (Connection c = DriverManager.getConnection(db, "huinong", "huinong")) {
            if (CatalogBench.count(c, "SELECT count(*) FROM organization WHERE decided_by = 'bench-quota'") == 0) {
                long t0 = System.nanoTime();
                String checkout = Files.readString(Path.of(opt.get("checkout-sql")))
                        .replace("${products}", "2000").replace("${suppliers}", "100")
                        .replace("${buyers}", String.valueOf(clients)).replace("${rounds}", "1")
                        .replace("${race_stock}", "10");
                run(c, checkout, false);
                String quota = Files.readString(Path.of(opt.get("quota-sql")))
                        .replace("${units}", String.valueOf(units)).replace("${orders}", String.valueOf(orders))
                        .replace("${backlog}", String.valueOf(backlog)).replace("${year}", String.valueOf(year));
                run(c, quota, true);
                line(String.format(Locale.ROOT, "- data generation in SQL: %.0f s in all (steps above)", CatalogBench.secs(t0)));
            } else {
                line("- data: reused (already in the database)");
            }
            line(String.format(Locale.ROOT, "- generated: %,d budget units in %,d counties, %,d plans of %d (%,d late), "
                            + "%,d orders (%,d paid), %,d order lines, %,d ledger rows, %,d quota_unit_figures rows, "
                            + "%,d regulators; database %s",
                    CatalogBench.count(c, "SELECT count(*) FROM organization WHERE decided_by = 'bench-quota' AND kind = 'BUYER'"),
                    CatalogBench.count(c, "SELECT count(DISTINCT region_code) FROM organization WHERE decided_by = 'bench-quota' AND kind = 'BUYER'"),
                    CatalogBench.count(c, "SELECT count(*) FROM quota_plan WHERE year = " + year), year,
                    CatalogBench.count(c, "SELECT count(*) FROM quota_plan WHERE late AND year = " + year),
                    CatalogBench.count(c, "SELECT count(*) FROM purchase_order"),
                    CatalogBench.count(c, "SELECT count(*) FROM purchase_order WHERE paid_at IS NOT NULL"),
                    CatalogBench.count(c, "SELECT count(*) FROM order_line"),
                    CatalogBench.count(c, "SELECT count(*) FROM quota_ledger"),
                    CatalogBench.count(c, "SELECT count(*) FROM quota_unit_figures"),
                    CatalogBench.count(c, "SELECT count(*) FROM organization WHERE decided_by = 'bench-quota' AND kind = 'REGULATOR'"),
                    string(c, "SELECT pg_size_pretty(pg_database_size(current_database()))")));
            line("");

            // regions of each level by their number of units: the largest and a spread of typical ones
            Map<String, List<Region>> levels = new LinkedHashMap<>();
            levels.put("province", regions(c, "PROVINCE", 2, 31));
            levels.put("prefecture", regions(c, "PREFECTURE", 4, 40));
            levels.put("county", regions(c, "COUNTY", 6, 60));
            long t0 = System.nanoTime();
            String operator = CatalogBench.login(base, "demo-operator", "Demo@2026");
            Map<String, String> tokens = new ConcurrentHashMap<>();
            ExecutorService logins = Executors.newFixedThreadPool(4);
            List<Future<?>> pending = new ArrayList<>();
            levels.values().forEach(list -> list.forEach(r -> pending.add(logins.submit(() -> {
                tokens.put(r.code(), CatalogBench.login(base, "bench-reg-" + r.code(), "Demo@2026"));
                return null;
            }))));
            for (Future<?> f : pending) {
                f.get();
            }
            logins.shutdown();
            line(String.format(Locale.ROOT, "- %d regulators (bench-reg-<code>, scope = their region) and demo-operator "
                    + "logged in through POST /api/v1/auth/login: %.1f s", tokens.size(), CatalogBench.secs(t0)));
            levels.forEach((level, list) -> line(String.format(Locale.ROOT, "- %s: %d regions, largest %s %s (%,d units), "
                    + "median %,d units", level, list.size(), list.get(0).code(), list.get(0).name(), list.get(0).units(),
                    list.stream().mapToLong(Region::units).sorted().toArray()[list.size() / 2])));
            line("");

            if (!only.equals("ledger")) {
                http(base, year, operator, levels, tokens, samples, seconds, warmup);
                exports(base, year, levels.get("province").get(0), tokens);
            }
            if (!only.equals("http")) {
                ledger(c, base, year, backlog, clients);
                consistency(c, base, year, operator);
            }
        }
        line("");
        line("- load average at the end " + CheckoutBench.loadAverage());
        Files.writeString(Path.of(opt.get("out")), REPORT.toString());
        System.exit(failed ? 1 : 0);
    }

    /** Runs a script statement by statement (a DO block is one statement), printing each step's time. */
    static void run(Connection c, String script, boolean report) throws Exception {
        List<String> statements = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean dollar = false;
        for (String l : script.split("\n")) {
            if (!dollar && cur.length() == 0 && (l.isBlank() || l.startsWith("--"))) {
                continue;
            }
            cur.append(l).append('\n');
            int n = l.split("\\$\\$", -1).length - 1;
            if (n % 2 == 1) {
                dollar = !dollar;
            }
            if (!dollar && l.stripTrailing().endsWith(";") && !l.strip().startsWith("--")) {
                statements.add(cur.toString());
                cur.setLength(0);
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                long t0 = System.nanoTime();
                s.execute(sql);
                double secs = CatalogBench.secs(t0);
                String first = sql.lines().filter(x -> !x.isBlank()).findFirst().orElse("").strip();
                first = first.length() > 110 ? first.substring(0, 110) + "..." : first;
                System.out.printf(Locale.ROOT, "[%s] %7.1f s  %s%n", java.time.LocalTime.now().withNano(0), secs, first);
                if (report && secs >= 1) {
                    line(String.format(Locale.ROOT, "  - %.1f s: `%s`", secs, first));
                }
            }
        }
    }

    static List<Region> regions(Connection c, String level, int codeLength, int limit) throws Exception {
        List<Region> all = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT r.code, r.name, count(*) AS units
                FROM organization o JOIN region r ON r.code = rpad(substr(o.region_code, 1, %d), 6, '0')
                WHERE o.decided_by = 'bench-quota' AND o.kind = 'BUYER' AND r.level = '%s'
                  AND EXISTS (SELECT 1 FROM app_user u WHERE u.username = 'bench-reg-' || r.code)
                GROUP BY 1, 2 ORDER BY 3 DESC, 1""".formatted(codeLength, level))) {
            while (rs.next()) {
                all.add(new Region(rs.getString(1).trim(), rs.getString(2), rs.getLong(3)));
            }
        }
        if (all.size() <= limit) {
            return all;
        }
        // the largest, then an even spread over the rest (by size), so typical regions dominate the rotation
        List<Region> out = new ArrayList<>(List.of(all.get(0)));
        double step = (all.size() - 1) / (double) (limit - 1);
        for (int i = 1; i < limit; i++) {
            out.add(all.get((int) Math.round(i * step)));
        }
        return out;
    }

    static void http(String base, int year, String operator, Map<String, List<Region>> levels,
                     Map<String, String> tokens, int samples, long seconds, int warmup) throws Exception {
        line("## Dashboard over HTTP (one client, sequential; ms)");
        line("");
        line("Each cell: " + warmup + " warm-up requests, then up to " + samples + " measured (at most " + seconds
                + " s), rotating over the level's regions (national: the whole country as operator); every answer "
                + "must be 200.");
        line("");
        line("| request | level | samples | p50 | p95 | p99 | max | errors | largest region alone (ms) |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("summary (+ children = drill-down)", "/api/v1/monitoring/summary?year=%d%s");
        kinds.put("trend", "/api/v1/monitoring/trend?year=%d%s");
        kinds.put("units, default sort (completion desc), page 1", "/api/v1/monitoring/units?year=%d%s&size=20");
        kinds.put("units, sort=COMPLETION_ASC, page 1", "/api/v1/monitoring/units?year=%d%s&sort=COMPLETION_ASC&size=20");
        kinds.put("units, status=LAGGING, page 1", "/api/v1/monitoring/units?year=%d%s&status=LAGGING&size=20");
        for (var k : kinds.entrySet()) {
            List<String[]> national = new ArrayList<>();
            national.add(new String[] {"", operator});
            Cell cell = cell(base, k.getKey(), "national", k.getValue(), year, national, samples, seconds, warmup);
            row(cell);
            for (var level : levels.entrySet()) {
                List<String[]> targets = new ArrayList<>();
                for (Region r : level.getValue()) {
                    targets.add(new String[] {"&region=" + r.code(), tokens.get(r.code())});
                }
                cell = cell(base, k.getKey(), level.getKey(), k.getValue(), year, targets, samples, seconds, warmup);
                row(cell);
            }
        }
        line("");
    }

    static void row(Cell c) {
        line(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %d | %s |", c.what(), c.level(),
                c.samples(), c.p50(), c.p95(), c.p99(), c.max(), c.errors(), c.largest()));
    }

    static Cell cell(String base, String what, String level, String path, int year, List<String[]> targets,
                     int samples, long seconds, int warmup) throws Exception {
        List<String[]> order = new ArrayList<>(targets.subList(1, targets.size()));
        Collections.shuffle(order, new Random(42));
        order.add(0, targets.get(0));
        for (int i = 0; i < warmup; i++) {
            String[] t = order.get((i + 1) % order.size());
            get(base + String.format(Locale.ROOT, path, year, t[0]), t[1]);
        }
        // the largest region alone, once warm
        long t0 = System.nanoTime();
        int st = get(base + String.format(Locale.ROOT, path, year, order.get(0)[0]), order.get(0)[1]);
        String largest = String.format(Locale.ROOT, "%.0f%s", (System.nanoTime() - t0) / 1e6, st == 200 ? "" : " (" + st + ")");
        long[] lat = new long[samples];
        int n = 0;
        long errors = st == 200 ? 0 : 1;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (n < samples && System.nanoTime() < end) {
            String[] t = order.get(n % order.size());
            long a = System.nanoTime();
            int status = get(base + String.format(Locale.ROOT, path, year, t[0]), t[1]);
            lat[n++] = System.nanoTime() - a;
            if (status != 200) {
                errors++;
            }
        }
        if (errors > 0) {
            failed = true;
        }
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %s / %s: %d samples, p50 %.0f ms%n", what, level, n, LoadGen.pct(sorted, 50));
        return new Cell(what, level, n, errors, LoadGen.pct(sorted, 50), LoadGen.pct(sorted, 95),
                LoadGen.pct(sorted, 99), n == 0 ? 0 : sorted[n - 1] / 1e6, largest);
    }

    static int get(String url, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            System.err.println("  " + response.statusCode() + " " + url + " "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.statusCode();
    }

    static void exports(String base, int year, Region province, Map<String, String> tokens) throws Exception {
        line("## Exports of the largest province, " + province.name() + " (" + String.format(Locale.ROOT, "%,d",
                province.units()) + " units), as its regulator");
        line("");
        line("| export | first run (s) | second run (s) | size |");
        line("|---|---:|---:|---:|");
        String token = tokens.get(province.code());
        String[][] exports = {
                {"units CSV (all units of the province)", "/api/v1/monitoring/units?year=%d&region=%s&format=csv"},
                {"units XLSX (all units of the province)", "/api/v1/monitoring/units?year=%d&region=%s&format=xlsx"},
                {"notice (通报) HTML, H2", "/api/v1/monitoring/notice?year=%d&half=2&region=%s&format=html"},
                {"notice (通报) XLSX, H2", "/api/v1/monitoring/notice?year=%d&half=2&region=%s&format=xlsx"}};
        for (String[] e : exports) {
            String url = base + String.format(Locale.ROOT, e[1], year, province.code());
            double[] secs = new double[2];
            long size = 0;
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(600))
                        .header("Authorization", "Bearer " + token).GET().build();
                HttpResponse<java.io.InputStream> response = HTTP.send(r, HttpResponse.BodyHandlers.ofInputStream());
                try (java.io.InputStream in = response.body()) {
                    size = in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                secs[i] = CatalogBench.secs(t0);
                if (response.statusCode() != 200) {
                    failed = true;
                    System.err.println("  export " + url + " answered " + response.statusCode());
                }
            }
            line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %,d bytes |", e[0], secs[0], secs[1], size));
        }
        line("");
    }

    /** The outbox events of one held-back backlog: ORDER_PAID of every order, ORDER_REFUNDED of the refunded ones. */
    static long writeBacklog(Connection c, int n) throws Exception {
        String event = """
                INSERT INTO order_event_outbox (event_id, event_type, order_id, buyer_organization_id, supplier_id,
                                                amount_fen, eligible_fen, occurred_at, payload)
                SELECT e.id, e.type, o.id, o.buyer_organization_id, o.supplier_id, e.amount, o.eligible_fen, e.at,
                       jsonb_build_object('eventId', e.id, 'type', e.type, 'orderId', o.id, 'checkoutId', o.checkout_id,
                           'buyerOrganizationId', o.buyer_organization_id, 'supplierId', o.supplier_id,
                           'channel', o.channel, 'amountFen', e.amount, 'eligibleFen', o.eligible_fen, 'paid', true,
                           'paidAt', to_char(o.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'paymentRef', o.payment_ref,
                           'occurredAt', to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                FROM purchase_order o
                CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, %s AS type, %s AS amount, %s AS at) e
                WHERE o.payment_ref = 'bench-backlog-%d' %s
                ORDER BY o.id
                """;
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            long paid = s.executeUpdate(event.formatted("'ORDER_PAID'", "o.total_fen", "o.paid_at", n, ""));
            long refunded = s.executeUpdate(event.formatted("'ORDER_REFUNDED'", "o.refunded_fen",
                    "o.paid_at + interval '2 days'", n, "AND o.refunded_fen > 0"));
            c.commit();
            c.setAutoCommit(true);
            return paid + refunded;
        }
    }

    static void ledger(Connection c, String base, int year, long backlog, int clients) throws Exception {
        line("## Ledger consumer (the app's LedgerPoller, batch 200, polling every 1 s)");
        line("");
        line("A backlog of outbox events is committed in one transaction; the time runs from that commit until no "
                + "money event is left unpublished (checked every 50 ms), so it includes up to one poll interval of "
                + "idle start.");
        line("");
        line("| run | events | drain (s) | events/s | ORDER_PLACED events of the checkout load consumed meanwhile | "
                + "checkouts/s meanwhile (201) | checkout p50 / p95 (ms) |");
        line("|---|---:|---:|---:|---:|---:|---|");
        // idle
        long events = writeBacklog(c, 1);
        long t0 = System.nanoTime();
        waitDrained(c);
        double idle = CatalogBench.secs(t0);
        line(String.format(Locale.ROOT, "| idle | %,d | %.1f | %,.0f | - | - | - |", events, idle, events / idle));

        // with checkout load: CheckoutBench's checkout by the bench-buyer-NNN users, closed loop
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            tokens.add(CatalogBench.login(base, String.format("bench-buyer-%03d", i), "Demo@2026"));
        }
        List<CheckoutBench.Product> catalog = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT p.id, p.supplier_id FROM product p JOIN organization o ON o.id = p.supplier_id
                WHERE o.decided_by = 'bench-checkout' AND p.stock >= 1000 ORDER BY p.id""")) {
            while (rs.next()) {
                catalog.add(new CheckoutBench.Product(rs.getLong(1), rs.getLong(2)));
            }
        }
        Map<Long, List<CheckoutBench.Product>> bySupplier = new TreeMap<>();
        catalog.forEach(p -> bySupplier.computeIfAbsent(p.supplierId(), k -> new ArrayList<>()).add(p));
        List<List<CheckoutBench.Product>> suppliers = new ArrayList<>(bySupplier.values());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool()).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong created = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String token = tokens.get(i);
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long a = System.nanoTime();
                    int status;
                    try {
                        status = CheckoutBench.checkout(http, base, token, CheckoutBench.lines(null, suppliers));
                    } catch (Exception e) {
                        status = -1;
                    }
                    if (measuring.get() && status == 201) {
                        created.incrementAndGet();
                        latencies.add(System.nanoTime() - a);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(10_000); // warm-up of the checkout path
        long placedBefore = CatalogBench.count(c, "SELECT count(*) FROM order_event_outbox e, outbox_consumer k WHERE k.name = 'quota-ledger' "
                + "AND e.event_type = 'ORDER_PLACED' AND (e.tx_id, e.id) <= (k.last_tx_id, k.last_id)");
        measuring.set(true);
        events = writeBacklog(c, 2);
        t0 = System.nanoTime();
        waitDrained(c);
        double loaded = CatalogBench.secs(t0);
        measuring.set(false);
        long placed = CatalogBench.count(c, "SELECT count(*) FROM order_event_outbox e, outbox_consumer k WHERE k.name = 'quota-ledger' "
                + "AND e.event_type = 'ORDER_PLACED' AND (e.tx_id, e.id) <= (k.last_tx_id, k.last_id)") - placedBefore;
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        line(String.format(Locale.ROOT, "| with checkout load (%d clients) | %,d | %.1f | %,.0f | %,d | %.1f | %.0f / %.0f |",
                clients, events, loaded, events / loaded, placed, created.get() / loaded, LoadGen.pct(lat, 50),
                LoadGen.pct(lat, 95)));
        line("");
    }

    static void waitDrained(Connection c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (CatalogBench.count(c, "SELECT count(*) FROM order_event_outbox e, outbox_consumer k WHERE k.name = 'quota-ledger' "
                + "AND (e.tx_id, e.id) > (k.last_tx_id, k.last_id) AND e.event_type IN ('ORDER_PAID', 'ORDER_REFUNDED')") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ledger did not drain the backlog in 30 minutes");
            }
            Thread.sleep(50);
        }
    }

    static void consistency(Connection c, String base, int year, String operator) throws Exception {
        line("## Consistency check (operator command)");
        line("");
        long t0 = System.nanoTime();
        String r = CatalogBench.post(base + "/api/v1/operator/quota/consistency-check?year=" + year, "{}", operator,
                Duration.ofSeconds(1800));
        double secs = CatalogBench.secs(t0);
        java.util.regex.Matcher units = java.util.regex.Pattern.compile("\"unitsChecked\"\\s*:\\s*(\\d+)").matcher(r);
        java.util.regex.Matcher mismatches = java.util.regex.Pattern.compile("\"mismatches\"\\s*:\\s*\\[\\s*\\]").matcher(r);
        boolean clean = mismatches.find();
        if (!clean) {
            failed = true;
        }
        line(String.format(Locale.ROOT, "- POST /api/v1/operator/quota/consistency-check?year=%d: %.1f s, %s units, %s",
                year, secs, units.find() ? units.group(1) : "?", clean ? "no mismatch" : "MISMATCHES: "
                        + (r.length() > 400 ? r.substring(0, 400) + "..." : r)));
        line("");
    }

    static String string(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void line(String s) {
        System.out.println(s);
        REPORT.append(s).append('\n');
    }
}
