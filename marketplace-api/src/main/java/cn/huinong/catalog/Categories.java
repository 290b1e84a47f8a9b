package cn.huinong.catalog;

import java.util.List;
import java.util.Optional;

/** The agricultural category tree (reference data from migrations). */
public interface Categories {

    List<CategoryNode> tree();

    /** The category and its ancestors' codes from the root, e.g. [01, 0101, 010101]; empty when unknown. */
    List<String> path(String code);

    Optional<String> name(String code);

    boolean isLeaf(String code);
}
