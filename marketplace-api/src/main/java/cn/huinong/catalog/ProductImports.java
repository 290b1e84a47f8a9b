package cn.huinong.catalog;

import cn.huinong.shared.Actor;

/** Suppliers' bulk imports of products from CSV (UTF-8 or GB18030) or XLSX: all rows or none. */
public interface ProductImports {

    /** Validates every row and creates all products in one transaction; 422 with rowErrors otherwise. */
    ProductImportView importFile(String fileName, byte[] content, boolean submit, Actor actor);

    ProductImportView find(long id, Actor actor);

    /** The header and one example row, as the import expects them. */
    String templateCsv();
}
