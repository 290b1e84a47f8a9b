package cn.huinong.catalog;

import cn.huinong.shared.Actor;
import java.nio.file.Path;

/** Suppliers' bulk imports of products from CSV (UTF-8 or GB18030) or XLSX: all rows or none. */
public interface ProductImports {

    /**
     * Validates every row and creates all products in one transaction; 422 with rowErrors otherwise. The file is
     * read as a stream and refused (400) as soon as it has more rows than {@code huinong.catalog.import-max-rows}.
     */
    ProductImportView importFile(String fileName, Path content, boolean submit, Actor actor);

    ProductImportView find(long id, Actor actor);

    /** The header and one example row, as the import expects them. */
    String templateCsv();
}
