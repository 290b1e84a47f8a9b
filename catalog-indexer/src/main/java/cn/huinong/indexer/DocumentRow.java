package cn.huinong.indexer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One row of {@code product_search_document}: the product's current search document and its version. */
public record DocumentRow(long productId, long version, boolean searchable, ObjectNode document) {}
