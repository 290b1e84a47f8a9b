// Checkout benchmark (issue 4: cart, checkout, stock). Run by `ops/bench checkout`, which starts fresh services
// and the app, then this program:
//   1. seeds suppliers in designated counties, LISTED products with large stock, buyer units with users
//      (checkout-data.sql) and logs every buyer in through POST /api/v1/auth/login (real JWTs);
//   2. measures checkout (POST /api/v1/orders, Idempotency-Key, 1-3 lines from 1-2 suppliers) over HTTP:
//      checkouts/s, orders/s, latency p50/p95/p99 and answers by status at each concurrency, closed loop, after a
//      warm-up; for a "spread" mix (any of the products) and a "hot" mix (every checkout holds one of 2 hot products);
//   3. runs pgbench's built-in TPC-B on the same PostgreSQL (own database) at the same client counts and duration,
//      and reports checkouts/s ÷ pgbench TPS, plain and per CPU-second (the CPU each process took, from /proc,
//      with what the machine's other users took), and the app's sessions busy / waiting for locks;
//   4. verifies in SQL that every accepted checkout's orders exist and that stock fell by exactly what was sold;
//   5. the oversell race: N buyers order 1 unit each of a product with S units left, released by one barrier.
// Prints a Markdown report (also written to --out); exits 1 when anything was oversold or did not add up.
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CheckoutBench {

    static final StringBuilder REPORT = new StringBuilder();
    static final String ADDRESS = "贵州省贵阳市南明区遵义路1号 机关第一食堂 收货人：王师傅 13800000000";
    static final Pattern CHECKOUT_ID = Pattern.compile("\"checkoutId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Product(long id, long supplierId) {
    }

    /** What the clients were told was accepted (201), over every call including the warm-up. */
    static final Map<Long, LongAdder> SOLD = new ConcurrentHashMap<>();
    static final Set<String> CHECKOUTS = ConcurrentHashMap.newKeySet();
    static final AtomicLong ORDERS = new AtomicLong();
    static final AtomicLong UNANSWERED = new AtomicLong();
    static final AtomicLong SHOWN = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        String base = opt.get("base");
        String db = opt.get("db");
        String pgbenchDb = opt.get("pgbench-db");
        int[] buyersList = Arrays.stream(opt.getOrDefault("buyers-list", "8,32").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        long seconds = Long.parseLong(opt.getOrDefault("seconds", "30"));
        long warmup = Long.parseLong(opt.getOrDefault("warmup", "5"));
        int products = Integer.parseInt(opt.getOrDefault("products", "20000"));
        int suppliers = Integer.parseInt(opt.getOrDefault("suppliers", "500"));
        int raceBuyers = Integer.parseInt(opt.getOrDefault("race-buyers", "64"));
        int raceStock = Integer.parseInt(opt.getOrDefault("race-stock", "10"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "5"));
        List<String> mixes = List.of(opt.getOrDefault("mix", "spread,hot").split(","));
        int maxBuyers = Math.max(raceBuyers, Arrays.stream(buyersList).max().orElse(1));
        int scale = Integer.parseInt(opt.getOrDefault("pgbench-scale", String.valueOf(Arrays.stream(buyersList).max().orElse(1))));
        boolean failed = false;
        Cpu.appPid = Long.parseLong(opt.getOrDefault("app-pid", "0"));
        Cpu.pgPid = Long.parseLong(opt.getOrDefault("pg-pid", "0"));
        Cpu.esPid = Long.parseLong(opt.getOrDefault("es-pid", "0"));

        line("# Checkout benchmark, " + Instant.now());
        line("");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average at start " + loadAverage());
        line("- data: " + products + " LISTED products (stock 1,000,000 each) of " + suppliers
                + " approved suppliers in the designated counties; " + maxBuyers + " approved buyer units, one user each");
        line("- checkout: POST /api/v1/orders with a fresh Idempotency-Key, 1-3 lines (1-30 units each) from 1-2 suppliers,"
                + " closed loop, one buyer JWT per client, " + warmup + " s warm-up then " + seconds + " s measured");
        line("");

        try (Connection c = DriverManager.getConnection(db, "huinong", "huinong")) {
            long t0 = System.nanoTime();
            if (CatalogBench.count(c, "SELECT count(*) FROM organization WHERE decided_by = 'bench-checkout'") == 0) {
                String script = Files.readString(Path.of(opt.getOrDefault("sql", "ops/benchmarks/checkout-data.sql")))
                        .replace("${products}", String.valueOf(products)).replace("${suppliers}", String.valueOf(suppliers))
                        .replace("${buyers}", String.valueOf(maxBuyers)).replace("${rounds}", String.valueOf(rounds))
                        .replace("${race_stock}", String.valueOf(raceStock));
                try (Statement s = c.createStatement()) {
                    s.execute(script);
                }
            }
            line(String.format(Locale.ROOT, "- data generation in SQL: %.1f s", CatalogBench.secs(t0)));

            t0 = System.nanoTime();
            // argon2id makes each login cost ~100 ms of CPU: four at a time
            ExecutorService logins = Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<String>> pending = new ArrayList<>();
            for (int i = 1; i <= maxBuyers; i++) {
                String user = String.format("bench-buyer-%03d", i);
                pending.add(logins.submit(() -> CatalogBench.login(base, user, "Demo@2026")));
            }
            List<String> tokens = new ArrayList<>();
            for (var f : pending) {
                tokens.add(f.get());
            }
            logins.shutdown();
            line(String.format(Locale.ROOT, "- %d buyers logged in through POST /api/v1/auth/login: %.1f s", maxBuyers,
                    CatalogBench.secs(t0)));

            List<Product> catalog = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT p.id, p.supplier_id FROM product p JOIN organization o ON o.id = p.supplier_id
                    WHERE o.decided_by = 'bench-checkout' AND p.stock >= 1000 ORDER BY p.id""")) {
                while (rs.next()) {
                    catalog.add(new Product(rs.getLong(1), rs.getLong(2)));
                }
            }
            Map<Long, Integer> stockBefore = stock(c);
            Map<Long, List<Product>> bySupplier = new TreeMap<>();
            catalog.forEach(p -> bySupplier.computeIfAbsent(p.supplierId(), k -> new ArrayList<>()).add(p));
            List<List<Product>> supplierLists = new ArrayList<>(bySupplier.values());
            // the hot mix: the first two products (of two suppliers) sit in every checkout
            List<Product> hot = List.of(supplierLists.get(0).get(0), supplierLists.get(1).get(0));

            PgBench pgbench = new PgBench(opt.get("pgbench"), pgbenchDb);
            t0 = System.nanoTime();
            pgbench.init(scale);
            line(String.format(Locale.ROOT, "- pgbench: TPC-B (built-in), scale factor %d (%,d accounts) in its own database, "
                    + "initialised in %.1f s; same clients and duration, %d threads; %s", scale, scale * 100_000L,
                    CatalogBench.secs(t0), Math.min(2, Runtime.getRuntime().availableProcessors()), pgbench.version()));
            line("");

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool()).build();
            // a fresh JVM compiles the checkout path while it runs: warm it up (unmeasured) before the first figure
            long jit = Long.parseLong(opt.getOrDefault("jit-warmup", "30"));
            if (jit > 0) {
                t0 = System.nanoTime();
                LoadGen.run(client -> checkout(http, base, tokens.get(client), lines(null, supplierLists)),
                        buyersList[0], jit, 0);
                line(String.format(Locale.ROOT, "- JIT warm-up: %d s of checkouts at %d buyers before the first measurement, "
                        + "not measured (their orders are verified with the rest)", jit, buyersList[0]));
                line("");
            }
            Map<Integer, PgBench.Result> tps = new TreeMap<>();
            Map<String, Map<Integer, LoadGen.Result>> results = new LinkedHashMap<>();
            Map<String, Map<Integer, Double>> ordersPerCheckout = new LinkedHashMap<>();
            Map<String, String> cpuUse = new LinkedHashMap<>();
            Map<String, String> waits = new LinkedHashMap<>();
            Map<String, Double> perCpu = new LinkedHashMap<>(); // checkouts per CPU-s of app+PG+ES; TPC-B per CPU-s of PG
            for (int clients : buyersList) {
                for (String mix : mixes) {
                    long ordersBefore = ORDERS.get();
                    long checkoutsBefore = CHECKOUTS.size();
                    Cpu cpu0 = Cpu.now();
                    long t1 = System.nanoTime();
                    LoadGen.Result r;
                    try (Sessions sessions = new Sessions(db)) {
                        r = LoadGen.run(client -> checkout(http, base, tokens.get(client),
                                lines(mix.equals("hot") ? hot : null, supplierLists)), clients, seconds, warmup);
                        waits.put(mix + " " + clients, sessions.toString());
                    }
                    results.computeIfAbsent(mix, k -> new TreeMap<>()).put(clients, r);
                    long accepted = CHECKOUTS.size() - checkoutsBefore;
                    ordersPerCheckout.computeIfAbsent(mix, k -> new TreeMap<>()).put(clients,
                            (ORDERS.get() - ordersBefore) / (double) Math.max(1, accepted));
                    Cpu used = Cpu.now().minus(cpu0);
                    cpuUse.put(mix + " " + clients, used.describe(CatalogBench.secs(t1), accepted));
                    perCpu.put(mix + " " + clients, accepted / Math.max(0.001, used.app() + used.pg() + used.es()));
                    System.out.println("  " + mix + " " + clients + ": " + r.json());
                }
                Cpu cpu0 = Cpu.now();
                long t1 = System.nanoTime();
                long backends = Cpu.children(Cpu.pgPid);
                PgBench.Result p = pgbench.run(clients, seconds, warmup);
                Cpu.settle(backends); // pgbench's backends exit after it: their CPU reaches the postmaster once reaped
                Cpu used = Cpu.now().minus(cpu0);
                cpuUse.put("pgbench " + clients, used.describe(CatalogBench.secs(t1), 0));
                perCpu.put("pgbench " + clients, p.allTransactions() / Math.max(0.001, used.pg()));
                tps.put(clients, p);
                System.out.println("  pgbench " + clients + ": " + p);
            }

            for (String mix : mixes) {
                line("Checkout, " + mix + " mix" + (mix.equals("hot")
                        ? " (every checkout holds one of 2 hot products, plus 0-2 lines of any product)"
                        : " (lines of any of the " + catalog.size() + " products)") + ":");
                line("");
                line("| buyers | checkouts/s | orders/s | p50 ms | p95 ms | p99 ms | errors (by status) | pgbench TPS | checkouts/s ÷ TPS "
                        + "| same per CPU-second |");
                line("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
                for (int clients : buyersList) {
                    LoadGen.Result r = results.get(mix).get(clients);
                    PgBench.Result p = tps.get(clients);
                    double ok = r.perSecond(201);
                    line(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %.0f | %.3f | %.3f |", clients, ok,
                            ok * ordersPerCheckout.get(mix).get(clients), r.p50(), r.p95(), r.p99(), errors(r), p.tps(),
                            ok / p.tps(), perCpu.get(mix + " " + clients) / perCpu.get("pgbench " + clients)));
                }
                line("");
            }
            line("\"same per CPU-second\": accepted checkouts per CPU-second that the app, PostgreSQL and Elasticsearch used, ÷ "
                    + "TPC-B transactions per CPU-second that PostgreSQL used (warm-ups included on both sides): less sensitive to "
                    + "what else the machine runs than the plain ratio.");
            line("");
            line("pgbench TPC-B latency average: " + tps.entrySet().stream()
                    .map(e -> e.getKey() + " clients " + String.format(Locale.ROOT, "%.2f ms", e.getValue().latencyMs()))
                    .reduce((a, b) -> a + ", " + b).orElse("-"));
            line("");
            line("CPU used during each run (warm-up included), from /proc:");
            line("");
            cpuUse.forEach((run, use) -> line("- " + run + ": " + use));
            line("");
            line("The app's PostgreSQL sessions during each checkout run, sampled every 100 ms (pool of 20):");
            line("");
            waits.forEach((run, w) -> line("- " + run + ": " + w));
            line("");

            failed |= !verify(c, stockBefore);
            line("");
            failed |= !race(c, base, tokens.subList(0, raceBuyers), raceStock, rounds);
        }
        line("");
        line("- load average at end " + loadAverage());
        line(failed ? "RESULT: FAILED (see above)" : "RESULT: every check passed");
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), REPORT.toString());
        }
        System.exit(failed ? 1 : 0);
    }

    /** 1-3 lines (1-30 units each) from 1-2 suppliers; with {@code hot}, the first line is one of the hot products. */
    static List<long[]> lines(List<Product> hot, List<List<Product>> suppliers) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Map<Long, Long> lines = new LinkedHashMap<>();
        if (hot != null) {
            lines.put(hot.get(r.nextInt(hot.size())).id(), 1L + r.nextInt(30));
        }
        int more = hot != null ? r.nextInt(3) : 1 + r.nextInt(3);
        List<Product> a = suppliers.get(r.nextInt(suppliers.size()));
        List<Product> b = hot == null && more > 1 && r.nextBoolean() ? suppliers.get(r.nextInt(suppliers.size())) : a;
        for (int i = 0; i < more; i++) {
            List<Product> from = i == more - 1 ? b : a;
            lines.putIfAbsent(from.get(r.nextInt(from.size())).id(), 1L + r.nextInt(30));
        }
        List<long[]> out = new ArrayList<>();
        lines.forEach((id, q) -> out.add(new long[] {id, q}));
        return out;
    }

    /** One checkout; a 201 is remembered (checkout id, orders, quantities) for the verification in SQL. */
    static int checkout(HttpClient http, String base, String token, List<long[]> lines) throws Exception {
        StringBuilder body = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"productId\":").append(lines.get(i)[0]).append(",\"quantity\":")
                    .append(lines.get(i)[1]).append('}');
        }
        body.append("],\"deliveryAddress\":\"").append(ADDRESS).append("\",\"channel\":\"CANTEEN\"}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            UNANSWERED.incrementAndGet();
            throw e;
        }
        if (response.statusCode() == 201) {
            Matcher m = CHECKOUT_ID.matcher(response.body());
            if (m.find()) {
                CHECKOUTS.add(m.group(1));
            }
            ORDERS.addAndGet(occurrences(response.body(), "\"status\":\"PENDING_PAYMENT\""));
            lines.forEach(l -> SOLD.computeIfAbsent(l[0], k -> new LongAdder()).add(l[1]));
        } else if (response.statusCode() != 409 && SHOWN.incrementAndGet() <= 20) {
            System.err.println("  " + response.statusCode() + " " + response.body());
        }
        return response.statusCode();
    }

    /** Every accepted checkout's orders exist, and every product's stock fell by exactly what was sold. */
    static boolean verify(Connection c, Map<Long, Integer> before) throws Exception {
        Map<Long, Integer> after = stock(c);
        Map<Long, Long> inOrders = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT l.product_id, sum(l.quantity) FROM order_line l JOIN purchase_order o ON o.id = l.order_id
                WHERE o.status <> 'CANCELLED' GROUP BY l.product_id""")) {
            while (rs.next()) {
                inOrders.put(rs.getLong(1), rs.getLong(2));
            }
        }
        Set<String> stored = ConcurrentHashMap.newKeySet();
        long storedOrders;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DISTINCT checkout_id::text FROM purchase_order WHERE buyer_username LIKE 'bench-buyer-%'")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        storedOrders = CatalogBench.count(c, "SELECT count(*) FROM purchase_order WHERE buyer_username LIKE 'bench-buyer-%'");
        long missing = CHECKOUTS.stream().filter(id -> !stored.contains(id)).count();
        long stockMismatch = 0;
        long clientMismatch = 0;
        long negative = 0;
        long soldUnits = 0;
        for (var e : before.entrySet()) {
            long id = e.getKey();
            long fell = e.getValue() - after.getOrDefault(id, 0);
            long ordered = inOrders.getOrDefault(id, 0L);
            long told = SOLD.containsKey(id) ? SOLD.get(id).sum() : 0;
            soldUnits += fell;
            if (after.getOrDefault(id, 0) < 0) {
                negative++;
            }
            if (fell != ordered) {
                stockMismatch++;
            }
            if (fell != told) {
                clientMismatch++;
            }
        }
        boolean unanswered = UNANSWERED.get() > 0;
        boolean ok = missing == 0 && stockMismatch == 0 && negative == 0 && storedOrders >= ORDERS.get()
                && (unanswered || (clientMismatch == 0 && storedOrders == ORDERS.get() && stored.size() == CHECKOUTS.size()));
        line("Verification in SQL after the throughput runs (every call, warm-up included):");
        line("");
        line(String.format(Locale.ROOT, "- accepted checkouts (201): %,d, orders in them: %,d; in PostgreSQL: %,d checkouts, %,d orders; "
                + "accepted checkouts missing from PostgreSQL: %d", CHECKOUTS.size(), ORDERS.get(), stored.size(), storedOrders, missing));
        line(String.format(Locale.ROOT, "- units sold: %,d over %,d products; products whose stock fell by other than their order lines: %d, "
                + "by other than the clients were told: %d; negative stock: %d; calls without an answer: %d%s", soldUnits,
                before.size(), stockMismatch, clientMismatch, negative, UNANSWERED.get(),
                unanswered ? " (their outcome is unknown to the client, so client-side totals are not compared)" : ""));
        line(ok ? "- verification passed: no lost order, no phantom order, stock fell by exactly the sold quantities"
                : "- VERIFICATION FAILED");
        return ok;
    }

    /** Buyers (one JWT each) order 1 unit each of a product with {@code stock} units left, all released at once. */
    static boolean race(Connection c, String base, List<String> tokens, int stock, int rounds) throws Exception {
        List<Long> products = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM product WHERE name LIKE '限量抢购%' ORDER BY id")) {
            while (rs.next()) {
                products.add(rs.getLong(1));
            }
        }
        int n = tokens.size();
        ExecutorService pool = Executors.newFixedThreadPool(n);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool()).build();
        line("Oversell race: " + n + " buyers (distinct JWTs) each order 1 unit of a product with " + stock
                + " units left, released together by a barrier (connections opened beforehand):");
        line("");
        line("| round | sold (201) | 409 | other | stock after | units in orders | spread of answers ms |");
        line("|---:|---:|---:|---:|---:|---:|---:|");
        boolean ok = true;
        for (int round = 0; round < Math.min(rounds, products.size()); round++) {
            long product = products.get(round);
            // open one connection per buyer first, so that the barrier releases requests, not TCP handshakes
            CountDownLatch warm = new CountDownLatch(n);
            CyclicBarrier together = new CyclicBarrier(n);
            for (int i = 0; i < n; i++) {
                pool.submit(() -> {
                    try {
                        together.await();
                        http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        // a cold connection only makes the race less tight
                    } finally {
                        warm.countDown();
                    }
                });
            }
            warm.await();
            CyclicBarrier start = new CyclicBarrier(n);
            int[] statuses = new int[n];
            long[] answeredAt = new long[n];
            CountDownLatch done = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                final int buyer = i;
                pool.submit(() -> {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/orders"))
                                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + tokens.get(buyer))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "race-" + UUID.randomUUID())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"productId\":" + product
                                        + ",\"quantity\":1}],\"deliveryAddress\":\"" + ADDRESS + "\"}")).build();
                        start.await();
                        statuses[buyer] = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        statuses[buyer] = -1;
                    } finally {
                        answeredAt[buyer] = System.nanoTime();
                        done.countDown();
                    }
                });
            }
            done.await();
            long sold = Arrays.stream(statuses).filter(s -> s == 201).count();
            long conflicts = Arrays.stream(statuses).filter(s -> s == 409).count();
            long other = n - sold - conflicts;
            long left = CatalogBench.count(c, "SELECT stock FROM product WHERE id = " + product);
            long inOrders = CatalogBench.count(c, "SELECT coalesce(sum(l.quantity), 0) FROM order_line l "
                    + "JOIN purchase_order o ON o.id = l.order_id WHERE o.status <> 'CANCELLED' AND l.product_id = " + product);
            long spread = (Arrays.stream(answeredAt).max().orElse(0) - Arrays.stream(answeredAt).min().orElse(0)) / 1_000_000;
            Map<Integer, Long> others = new TreeMap<>();
            Arrays.stream(statuses).filter(s -> s != 201 && s != 409).forEach(s -> others.merge(s, 1L, Long::sum));
            line(String.format(Locale.ROOT, "| %d | %d | %d | %s | %d | %d | %d |", round + 1, sold, conflicts,
                    other == 0 ? "0" : other + " " + others, left, inOrders, spread));
            boolean oversold = sold > stock || inOrders > stock || left < 0;
            // with more buyers than units every unit must go, and every refusal must be a 409
            boolean exact = sold == Math.min(stock, n) && conflicts == n - sold && left == stock - sold;
            boolean consistent = inOrders + left == stock && sold == inOrders;
            if (oversold) {
                line("  OVERSOLD in round " + (round + 1) + ": more than " + stock + " units sold");
            }
            if (!exact || !consistent) {
                line("  round " + (round + 1) + " is not exact: expected " + Math.min(stock, n) + " sold, " + (n - Math.min(stock, n))
                        + " × 409, stock " + (stock - Math.min(stock, n)) + ", units in orders = answers");
            }
            ok &= !oversold && exact && consistent;
        }
        pool.shutdownNow();
        line("");
        line(ok ? "- race: exactly " + Math.min(stock, n) + " sold and " + (n - Math.min(stock, n))
                + " refused with 409 in every round; stock and orders add up" : "- RACE FAILED");
        return ok;
    }

    static Map<Long, Integer> stock(Connection c) throws Exception {
        Map<Long, Integer> stock = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT p.id, p.stock FROM product p JOIN organization o ON o.id = p.supplier_id
                WHERE o.decided_by = 'bench-checkout' AND p.name NOT LIKE '限量抢购%'""")) {
            while (rs.next()) {
                stock.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return stock;
    }

    static String errors(LoadGen.Result r) {
        StringBuilder s = new StringBuilder();
        r.statuses().forEach((status, n) -> {
            if (status != 201) {
                s.append(s.length() == 0 ? "" : ", ").append(n).append(" × ").append(status == -1 ? "no answer" : status);
            }
        });
        return s.length() == 0 ? "0" : s.toString();
    }

    static int occurrences(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void line(String s) {
        System.out.println(s);
        REPORT.append(s).append('\n');
    }

    /**
     * CPU seconds spent by the app, PostgreSQL (postmaster and its backends), Elasticsearch, this program (with
     * pgbench, its child) and the whole machine, from /proc: what the machine's other users took is the rest.
     */
    record Cpu(double app, double pg, double es, double bench, double machine) {

        static long appPid;
        static long pgPid;
        static long esPid;

        static Cpu now() {
            return new Cpu(of(appPid), tree(pgPid), tree(esPid), tree(ProcessHandle.current().pid()), machineBusy());
        }

        Cpu minus(Cpu o) {
            return new Cpu(app - o.app, pg - o.pg, es - o.es, bench - o.bench, machine - o.machine);
        }

        double others() {
            return machine - app - pg - es - bench;
        }

        /** "app 4.1 s, PostgreSQL 2.0 s, ..." with the per-checkout cost of the services when {@code checkouts > 0}. */
        String describe(double wallSeconds, long checkouts) {
            double capacity = wallSeconds * Runtime.getRuntime().availableProcessors();
            String per = checkouts <= 0 ? "" : String.format(Locale.ROOT, " (per accepted checkout: app %.1f ms, PostgreSQL %.1f ms, "
                    + "Elasticsearch %.1f ms)", app * 1000 / checkouts, pg * 1000 / checkouts, es * 1000 / checkouts);
            return String.format(Locale.ROOT, "app %.1f, PostgreSQL %.1f, Elasticsearch %.1f, load generator %.1f, "
                    + "other users of the machine %.1f CPU-s of %.0f available (%.0f %%)%s", app, pg, es, bench, others(),
                    capacity, 100 * others() / capacity, per);
        }

        static long children(long pid) {
            return ProcessHandle.of(pid).map(h -> h.children().count()).orElse(0L);
        }

        /** Waits (at most 10 s) until {@code pid} has no more children than {@code before}, then 1 s for the reaping. */
        static void settle(long before) throws InterruptedException {
            for (int i = 0; i < 100 && children(pgPid) > before; i++) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
        }

        private static double tree(long pid) {
            return of(pid) + ProcessHandle.of(pid).map(h -> h.descendants().mapToDouble(d -> of(d.pid())).sum()).orElse(0.0);
        }

        /** utime + stime + children's (reaped) utime + stime, in seconds (USER_HZ = 100 on Linux). */
        private static double of(long pid) {
            if (pid <= 0) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
            } catch (Exception e) {
                return 0;
            }
        }

        private static double machineBusy() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                    busy += Long.parseLong(f[i]);
                }
                return busy / 100.0;
            } catch (Exception e) {
                return 0;
            }
        }
    }

    /** Samples the app's sessions in pg_stat_activity: how many run, and how many wait for a row lock. */
    static final class Sessions implements AutoCloseable {

        private final Connection connection;
        private final Thread sampler;
        private final AtomicLong samples = new AtomicLong();
        private final AtomicLong active = new AtomicLong();
        private final AtomicLong waiting = new AtomicLong();
        private final AtomicLong maxWaiting = new AtomicLong();
        private volatile boolean stop;

        Sessions(String db) throws Exception {
            connection = DriverManager.getConnection(db, "huinong", "huinong");
            sampler = new Thread(() -> {
                try (Statement s = connection.createStatement()) {
                    while (!stop) {
                        try (ResultSet rs = s.executeQuery("""
                                SELECT count(*) FILTER (WHERE state <> 'idle'),
                                       count(*) FILTER (WHERE wait_event_type = 'Lock')
                                FROM pg_stat_activity
                                WHERE datname = 'huinong' AND backend_type = 'client backend' AND pid <> pg_backend_pid()""")) {
                            rs.next();
                            samples.incrementAndGet();
                            active.addAndGet(rs.getLong(1));
                            waiting.addAndGet(rs.getLong(2));
                            maxWaiting.accumulateAndGet(rs.getLong(2), Math::max);
                        }
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    // sampling is best effort
                }
            });
            sampler.start();
        }

        @Override
        public String toString() {
            double n = Math.max(1, samples.get());
            return String.format(Locale.ROOT, "on average %.1f sessions busy (in a statement or a transaction), "
                    + "%.1f of them waiting for a lock (max %d), %d samples", active.get() / n, waiting.get() / n,
                    maxWaiting.get(), samples.get());
        }

        @Override
        public void close() throws Exception {
            stop = true;
            sampler.join();
            connection.close();
        }
    }

    /** pgbench's built-in TPC-B against its own database of the same cluster. */
    static final class PgBench {

        /** {@code allTransactions} includes the warm-up run's (for the CPU-normalised ratio, whose CPU window has both). */
        record Result(double tps, double latencyMs, long transactions, long failed, long allTransactions) {
        }

        private final String binary;
        private final List<String> connection;

        PgBench(String binary, String jdbcUrl) {
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(jdbcUrl);
            if (binary == null || !m.find()) {
                throw new IllegalArgumentException("--pgbench BINARY and --pgbench-db jdbc:postgresql://host:port/db are required");
            }
            this.binary = binary;
            this.connection = List.of("-h", m.group(1), "-p", m.group(2), "-U", "huinong", m.group(3));
        }

        String version() throws Exception {
            return exec(List.of(binary, "--version")).trim();
        }

        void init(int scale) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(binary, "-i", "-q", "-s", String.valueOf(scale)));
            cmd.addAll(connection);
            exec(cmd);
        }

        Result run(int clients, long seconds, long warmup) throws Exception {
            long warm = 0;
            if (warmup > 0) {
                warm = (long) number(exec(command(clients, warmup)), "number of transactions actually processed: (\\d+)");
            }
            String out = exec(command(clients, seconds));
            long transactions = (long) number(out, "number of transactions actually processed: (\\d+)");
            return new Result(number(out, "tps = ([0-9.]+)"), number(out, "latency average = ([0-9.]+) ms"),
                    transactions, (long) number(out, "number of failed transactions: (\\d+)"), warm + transactions);
        }

        private List<String> command(int clients, long seconds) {
            List<String> cmd = new ArrayList<>(List.of(binary, "-c", String.valueOf(clients), "-j",
                    String.valueOf(Math.min(clients, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())))),
                    "-T", String.valueOf(seconds)));
            cmd.addAll(connection);
            return cmd;
        }

        private static double number(String out, String regex) {
            Matcher m = Pattern.compile(regex).matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }

        private static String exec(List<String> cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            }
            return out;
        }
    }
}
