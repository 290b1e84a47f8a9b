package cn.huinong.indexer.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The synonym dictionary for agricultural products (reference data: {@code synonyms.txt} in this package, a
 * versioned file, plus an operator's file of the same format). Expanded at query time by both engines: a term
 * that is, or contains, a word of a group also finds the term with that word replaced by each other word of its
 * group (土豆 -> 马铃薯, 洋芋; 东北大米 -> 东北稻米). Groups are symmetric, so expanding the query alone finds
 * every document that expanding the documents would (ADR 5), and a changed dictionary needs no reindexing.
 */
public final class Synonyms {

    private static final Synonyms BUNDLED = new Synonyms(List.of());

    private final Map<String, Set<String>> groups = new HashMap<>();
    private final List<String> words;
    private final String version;

    /** The bundled dictionary and, after it, the operators' files (missing files are an error). */
    public Synonyms(List<Path> extraFiles) {
        String v = "bundled";
        try (InputStream in = Synonyms.class.getResourceAsStream("synonyms.txt")) {
            v = read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            for (Path p : extraFiles) {
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    read(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable synonym dictionary", e);
        }
        this.version = v;
        List<String> all = new ArrayList<>(groups.keySet());
        all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.words = List.copyOf(all);
    }

    public static Synonyms bundled() {
        return BUNDLED;
    }

    /** The bundled file's version line. */
    public String version() {
        return version;
    }

    public int size() {
        return groups.size();
    }

    /**
     * The other forms of a term: for the longest dictionary word it holds (at least two characters, or the whole
     * term), the term with that word replaced by each of its synonyms. Empty when it holds none.
     */
    public List<String> expand(String term) {
        for (String w : words) {
            if (term.equals(w) || (w.length() >= 2 && term.contains(w))) {
                Set<String> out = new LinkedHashSet<>();
                for (String other : groups.get(w)) {
                    if (!other.equals(w)) {
                        out.add(term.replace(w, other));
                    }
                }
                out.remove(term);
                return List.copyOf(out);
            }
        }
        return List.of();
    }

    private String read(BufferedReader r) throws IOException {
        String version = null;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String l = line.strip();
            if (l.startsWith("#")) {
                int at = l.indexOf("version:");
                if (version == null && at >= 0) {
                    version = l.substring(at + "version:".length()).strip();
                }
                continue;
            }
            if (l.isEmpty()) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>(List.of(l.split("[\\s,，]+")));
            for (String w : group) {
                groups.computeIfAbsent(w, k -> new LinkedHashSet<>()).addAll(group);
            }
        }
        return version;
    }
}
