package cn.huinong.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SQL half of the module contracts (ADR 15). Who owns a table or view is read from the migrations: a migration
 * {@code V<n>__<module>_<change>.sql} belongs to its module, and every table or view it creates is that module's. The
 * SQL of a module is every string literal (adjacent literals joined by {@code +} count as one) of its Java sources; a
 * table it names after FROM, JOIN, UPDATE, INTO or in a FROM list must be its own, or a read model its owner
 * publishes (read only, and only by a module allowed to depend on the owner).
 */
public final class SqlContracts {

    private static final Pattern MIGRATION = Pattern.compile("V\\d+__([a-z]+)(?:_.*)?\\.sql");
    private static final Pattern CREATE = Pattern.compile(
            "(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(?:materialized\\s+)?(?:table|view)\\s+"
                    + "(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE =
            Pattern.compile("(?i)\\b(?:update|into|delete\\s+from|truncate)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)");
    /** The further items of a FROM list: {@code FROM a x, b y}. */
    private static final Pattern FROM_LIST = Pattern.compile(
            "(?i)\\bfrom\\s+[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?((?:\\s*,\\s*[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?)+)");

    private static final Pattern LIST_ITEM = Pattern.compile("(?i),\\s*([a-z_][a-z0-9_]*)");

    /** A table or view named in a module's SQL that the module may not name (or not write). */
    public record Violation(String file, String module, String table, String owner, boolean write) {
        @Override
        public String toString() {
            return file + ": module " + module + (write ? " writes " : " reads ") + owner + "'s " + table;
        }
    }

    private SqlContracts() {}

    /** table or view -> owning module, from the migrations' file names and CREATE TABLE / VIEW statements. */
    public static Map<String, String> owners(Path migrations) {
        Map<String, String> owners = new TreeMap<>();
        for (Path f : list(migrations)) {
            Matcher name = MIGRATION.matcher(f.getFileName().toString());
            if (!name.matches()) {
                throw new AssertionError("migration not named V<n>__<module>_<change>.sql: " + f);
            }
            Matcher m = CREATE.matcher(read(f));
            while (m.find()) {
                String table = m.group(1).toLowerCase(Locale.ROOT);
                String before = owners.put(table, name.group(1));
                if (before != null && !before.equals(name.group(1))) {
                    throw new AssertionError(table + " is created by both " + before + " and " + name.group(1));
                }
            }
        }
        return owners;
    }

    /**
     * Checks the Java sources under {@code root} (the directory of the modules' packages: {@code root/<module>/...}).
     *
     * @param published read models other modules may read: table or view -> its owner
     * @param allowed   module -> the modules it may depend on
     */
    public static List<Violation> check(
            Path root, Map<String, String> owners, Set<String> published, Map<String, Set<String>> allowed) {
        List<Violation> out = new ArrayList<>();
        for (Path f : list(root)) {
            if (!f.toString().endsWith(".java") || f.getParent().equals(root)) {
                continue;
            }
            String module = root.relativize(f).getName(0).toString();
            String file = root.relativize(f).toString().replace('\\', '/');
            for (String sql : literals(read(f))) {
                for (String table : names(READ, sql)) {
                    String owner = owners.get(table);
                    if (owner != null
                            && !owner.equals(module)
                            && !(published.contains(table)
                                    && allowed.getOrDefault(module, Set.of()).contains(owner))) {
                        out.add(new Violation(file, module, table, owner, false));
                    }
                }
                for (String table : names(WRITE, sql)) {
                    String owner = owners.get(table);
                    if (owner != null && !owner.equals(module)) {
                        out.add(new Violation(file, module, table, owner, true));
                    }
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static List<String> names(Pattern p, String sql) {
        List<String> names = new ArrayList<>();
        Matcher m = p.matcher(sql);
        while (m.find()) {
            names.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (p == READ) {
            Matcher list = FROM_LIST.matcher(sql);
            while (list.find()) {
                Matcher item = LIST_ITEM.matcher(list.group(1));
                while (item.find()) {
                    names.add(item.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** The string literals and text blocks of a Java source; literals joined only by {@code +} are one. */
    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        int lastEnd = -1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                i = src.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n && src.charAt(i) != '\'') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '"') {
                boolean block = src.startsWith("\"\"\"", i);
                int start = i + (block ? 3 : 1);
                int j = start;
                while (j < n && !(block ? src.startsWith("\"\"\"", j) : src.charAt(j) == '"')) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                String text = src.substring(start, Math.min(j, n));
                boolean joined = current != null
                        && src.substring(lastEnd, i).replaceAll("[\\s+]", "").isEmpty()
                        && src.substring(lastEnd, i).contains("+");
                if (joined) {
                    current.append(text);
                } else {
                    if (current != null) {
                        out.add(current.toString());
                    }
                    current = new StringBuilder(text);
                }
                i = j + (block ? 3 : 1);
                lastEnd = i;
            } else {
                i++;
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
