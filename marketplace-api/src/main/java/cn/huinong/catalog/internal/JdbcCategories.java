package cn.huinong.catalog.internal;

import cn.huinong.catalog.Categories;
import cn.huinong.catalog.CategoryNode;
import cn.huinong.shared.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Categories are reference data from migrations: read once, kept in memory. */
@Singleton
class JdbcCategories implements Categories {

    private record Entry(String code, String name, String parentCode) {}

    private final Sql sql;
    private volatile Map<String, Entry> entries;

    JdbcCategories(Sql sql) {
        this.sql = sql;
    }

    private Map<String, Entry> entries() {
        Map<String, Entry> e = entries;
        if (e == null) {
            Map<String, Entry> loaded = new LinkedHashMap<>();
            for (Entry x : sql.list(
                    "SELECT code, name, parent_code FROM category ORDER BY level, sort_order, code",
                    rs -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))) {
                loaded.put(x.code(), x);
            }
            entries = e = loaded;
        }
        return e;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CategoryNode> tree() {
        return childrenOf(null);
    }

    private List<CategoryNode> childrenOf(String parent) {
        List<CategoryNode> out = new ArrayList<>();
        for (Entry e : entries().values()) {
            if (parent == null ? e.parentCode() == null : parent.equals(e.parentCode())) {
                out.add(new CategoryNode(e.code(), e.name(), childrenOf(e.code())));
            }
        }
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> path(String code) {
        List<String> path = new ArrayList<>();
        for (Entry e = code == null ? null : entries().get(code);
                e != null;
                e = e.parentCode() == null ? null : entries().get(e.parentCode())) {
            path.add(0, e.code());
        }
        return path;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : entries().get(code)).map(Entry::name);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isLeaf(String code) {
        return entries().containsKey(code) && entries().values().stream().noneMatch(e -> code.equals(e.parentCode()));
    }
}
