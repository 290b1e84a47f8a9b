package cn.huinong.search.internal;

import cn.huinong.search.SearchItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a search document (the catalog module's JSON) into a result item; shared by both engines. */
final class Documents {

    static final Map<String, String> CERTIFICATION_LABELS = Map.of(
            "ASSISTANCE_PRODUCT", "消费帮扶产品",
            "GREEN_FOOD", "绿色食品",
            "ORGANIC", "有机产品",
            "GEOGRAPHICAL_INDICATION", "农产品地理标志",
            "FAMOUS_SPECIAL", "名特优新农产品",
            "COMPLIANCE_CERTIFICATE", "承诺达标合格证");

    private Documents() {}

    static SearchItem item(JsonNode d, String highlight) {
        String name = text(d, "name");
        SearchItem.Brand brand = d.hasNonNull("brandId")
                ? new SearchItem.Brand(d.get("brandId").asLong(), text(d, "brandName"), text(d, "brandKind"))
                : null;
        List<String> certifications = new ArrayList<>();
        if (d.has("certifications")) {
            d.get("certifications").forEach(c -> certifications.add(c.asText()));
        }
        return new SearchItem(
                d.path("id").asLong(),
                name,
                d.path("priceFen").asLong(),
                text(d, "unit"),
                text(d, "spec"),
                new SearchItem.Supplier(
                        d.hasNonNull("supplierId") ? d.get("supplierId").asLong() : null, text(d, "supplierName")),
                new SearchItem.Origin(
                        text(d, "originCode"), text(d, "originName"), text(d, "provinceCode"), text(d, "provinceName")),
                brand,
                certifications,
                d.path("eligible").asBoolean(),
                d.path("stock").asInt(),
                d.has("inStock")
                        ? d.get("inStock").asBoolean()
                        : d.path("stock").asInt() > 0,
                d.path("salesCount").asLong(),
                text(d, "imageUrl"),
                highlight == null ? escape(name) : highlight);
    }

    static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** The name, escaped, with every case-insensitive occurrence of each term wrapped in {@code <em>}. */
    static String highlight(String name, List<String> terms) {
        if (name == null) {
            return null;
        }
        boolean[] marked = new boolean[name.length()];
        String lower = name.toLowerCase(Locale.ROOT);
        for (String term : terms) {
            String t = term.toLowerCase(Locale.ROOT);
            for (int i = lower.indexOf(t); i >= 0 && !t.isEmpty(); i = lower.indexOf(t, i + 1)) {
                for (int j = i; j < i + t.length() && j < marked.length; j++) {
                    marked[j] = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            if (marked[i] && (i == 0 || !marked[i - 1])) {
                sb.append("<em>");
            }
            sb.append(escape(String.valueOf(name.charAt(i))));
            if (marked[i] && (i == name.length() - 1 || !marked[i + 1])) {
                sb.append("</em>");
            }
        }
        return sb.toString();
    }
}
