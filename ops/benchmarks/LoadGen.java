// A closed-loop HTTP load generator with latency percentiles: N clients, each sending the next
// request as soon as the previous answered, for a fixed time after a warm-up. JDK only, so that
// `java ops/benchmarks/LoadGen.java ...` runs anywhere Java 17 does.
//
//   java ops/benchmarks/LoadGen.java --requests FILE --concurrency 8 --seconds 20 [--warmup 5]
//        [--header 'Authorization: Bearer X'] [--base http://127.0.0.1:8080]
//
// FILE has one request per line: "GET /path?query" or "POST /path <json body>".
// Prints one JSON object: requests, errors, seconds, throughput (req/s), p50/p95/p99/max (ms), counts by status.
// Programs (CatalogBench, CheckoutBench) call run(...) directly, with a request list or with their own Call.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

public class LoadGen {

    public record Req(String method, String path, String body) {
    }

    /** Latency figures of one run, in milliseconds. */
    public record Result(int concurrency, int requests, long errors, long seconds, double throughput, double p50,
                         double p95, double p99, double max, Map<Integer, Long> statuses) {

        /** Answers with this status per second of the measured window. */
        public double perSecond(int status) {
            return statuses.getOrDefault(status, 0L) / (double) seconds;
        }

        public String json() {
            StringBuilder s = new StringBuilder();
            statuses.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append('"').append(k).append("\":").append(v));
            return String.format(java.util.Locale.ROOT,
                    "{\"concurrency\":%d,\"requests\":%d,\"errors\":%d,\"seconds\":%d,\"throughput\":%.1f,"
                            + "\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"max\":%.2f,\"statuses\":{%s}}",
                    concurrency, requests, errors, seconds, throughput, p50, p95, p99, max, s);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new ConcurrentHashMap<>();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--header")) {
                headers.add(args[i + 1]);
            } else {
                opt.put(args[i].substring(2), args[i + 1]);
            }
        }
        List<Req> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(opt.get("requests")))) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split(" ", 3);
            requests.add(new Req(p[0], p[1], p.length > 2 ? p[2] : null));
        }
        Result r = run(requests, opt.getOrDefault("base", "http://127.0.0.1:8080"), headers,
                Integer.parseInt(opt.getOrDefault("concurrency", "1")),
                Long.parseLong(opt.getOrDefault("seconds", "20")), Long.parseLong(opt.getOrDefault("warmup", "5")));
        System.out.println(r.json());
        System.exit(0);
    }

    public static Result run(List<Req> requests, String base, List<String> headers, int concurrency, long seconds,
                             long warmup) throws InterruptedException {
        // the pool's threads are not daemons: shut down after the run, or the caller's JVM never exits
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, concurrency));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(pool).build();
        AtomicLong next = new AtomicLong();
        try {
            return run(client -> {
                Req r = requests.get((int) (next.getAndIncrement() % requests.size()));
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(30));
                for (String h : headers) {
                    int colon = h.indexOf(':');
                    b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                if (r.body() != null) {
                    b.header("Content-Type", "application/json").method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
                } else {
                    b.method(r.method(), HttpRequest.BodyPublishers.noBody());
                }
                return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }, concurrency, seconds, warmup);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One request of one client (0 .. concurrency-1): sends it, returns the HTTP status. */
    public interface Call {
        int send(int client) throws Exception;
    }

    /**
     * The closed loop itself: every client calls {@code call} again as soon as it returned, for {@code warmup}
     * then {@code seconds}; calls that start and end inside the measured window count. A call that throws
     * counts as status -1.
     */
    public static Result run(Call call, int concurrency, long seconds, long warmup) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int c = 0; c < concurrency; c++) {
            final int client = c;
            latencies[c] = new long[1 << 16];
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = call.send(client);
                        } catch (Exception e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                            if (counts[client] == latencies[client].length) {
                                latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                            }
                            latencies[client][counts[client]++] = t1 - t0;
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < concurrency; c++) {
            System.arraycopy(latencies[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((s, n) -> byStatus.put(s, n.get()));
        long errors = byStatus.entrySet().stream().filter(e -> e.getKey() < 200 || e.getKey() >= 300)
                .mapToLong(Map.Entry::getValue).sum();
        return new Result(concurrency, total, errors, seconds, total / (double) seconds, pct(all, 50),
                pct(all, 95), pct(all, 99), total == 0 ? 0 : all[total - 1] / 1e6, byStatus);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
