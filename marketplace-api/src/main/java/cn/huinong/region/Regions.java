package cn.huinong.region;

import java.util.List;
import java.util.Optional;

/** The GB/T 2260 region tree and its designations: the region module's API. */
public interface Regions {

    Optional<RegionView> find(String code);

    List<RegionView> children(String code);

    List<RegionView> provinces();

    /** The codes from the region itself up to its province, nearest first. */
    List<String> lineage(String code);

    /** True when {@code code} is {@code scopeCode} or lies below it. */
    default boolean isWithin(String code, String scopeCode) {
        return lineage(code).contains(scopeCode);
    }

    boolean isDesignated(String code, DesignationKind kind);
}
