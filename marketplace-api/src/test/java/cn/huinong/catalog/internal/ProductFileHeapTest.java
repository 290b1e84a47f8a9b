package cn.huinong.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.support.ImportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A hostile import file must be refused with little memory: the parser runs in a child JVM with a 64 MB
 * heap and must answer "too many rows" (read while streaming, stopping at the limit), not run out of heap.
 * No timings are asserted; the child is only bounded so that a hang fails instead of blocking the build.
 */
class ProductFileHeapTest {

    private static final int MAX_ROWS = 5000;

    @Test
    void refusesA200kRowXlsxWithinA64MbHeap() throws Exception {
        Path file = ImportFiles.xlsx(200_000);
        try {
            String out = probe(file);
            assertTrue(out.startsWith("REFUSED"), out);
            assertTrue(out.contains("导入文件超过" + MAX_ROWS + "行"), out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void refusesA200kRowCsvWithinA64MbHeap() throws Exception {
        Path file = ImportFiles.csv(200_000);
        try {
            String out = probe(file);
            assertTrue(out.startsWith("REFUSED"), out);
            assertTrue(out.contains("导入文件超过" + MAX_ROWS + "行"), out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs {@link ProductFileProbe} with -Xmx64m; returns its output, asserting it exited normally. */
    static String probe(Path file) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("huinong-probe-", ".out");
        try {
            Process p = new ProcessBuilder(List.of(
                            java.toString(),
                            "-Xmx64m",
                            "-XX:+ExitOnOutOfMemoryError",
                            "-cp",
                            classpath,
                            ProductFileProbe.class.getName(),
                            file.toString(),
                            String.valueOf(MAX_ROWS)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("the parser did not finish");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).strip();
            assertEquals(0, p.exitValue(), "the parser died (out of heap?): " + tail(out));
            return out.lines().reduce((a, b) -> b).orElse("");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}
