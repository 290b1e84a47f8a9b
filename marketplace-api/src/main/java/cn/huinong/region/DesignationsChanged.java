package cn.huinong.region;

import java.util.Set;

/** A designation import changed a list; published inside the importing transaction. */
public record DesignationsChanged(DesignationKind kind, Set<String> addedCodes, Set<String> removedCodes) {

    public DesignationsChanged {
        addedCodes = Set.copyOf(addedCodes);
        removedCodes = Set.copyOf(removedCodes);
    }
}
