package cn.huinong.catalog.internal;

import cn.huinong.shared.problem.InvalidInputException;
import java.nio.file.Path;

/**
 * Parses one import file the way the app does, in a JVM of its own (started by {@link ProductFileHeapTest}
 * with a small heap), and prints what came of it: {@code REFUSED <detail>} or {@code ROWS <n>}.
 */
final class ProductFileProbe {

    private ProductFileProbe() {}

    public static void main(String[] args) throws Exception {
        int maxRows = Integer.parseInt(args[1]);
        try {
            ProductFile.Parsed parsed = ProductFile.parse(Path.of(args[0]), maxRows);
            System.out.println(
                    "ROWS " + parsed.lines().size() + (parsed.lines().size() > maxRows ? " (too many)" : ""));
        } catch (InvalidInputException e) {
            System.out.println("REFUSED " + e.getMessage() + " " + e.violations());
        }
    }
}
