package cn.huinong.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Hostile import files, written to temporary files without holding them in memory: a product import of
 * {@code rows} valid-looking rows as XLSX (POI's streaming SXSSFWorkbook, shared strings, about 1.5 MB for
 * 200,000 rows that inflate to about 40 MB of sheet XML) or as CSV (about 6 MB, under the upload limit).
 */
public final class ImportFiles {

    private ImportFiles() {}

    public static Path xlsx(int rows) {
        try {
            Path file = Files.createTempFile("huinong-import-", ".xlsx");
            try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true);
                    OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = wb.createSheet("商品");
                Row header = sheet.createRow(0);
                String[] columns = {"name", "categoryCode", "originRegionCode", "unit", "spec", "priceFen", "stock"};
                for (int c = 0; c < columns.length; c++) {
                    header.createCell(c).setCellValue(columns[c]);
                }
                for (int r = 1; r <= rows; r++) {
                    Row row = sheet.createRow(r);
                    // two cells a row, the rest left empty: small on disk, the shape of the file from the demo
                    row.createCell(0).setCellValue("雷山银球茶");
                    row.createCell(5).setCellValue(12800);
                }
                wb.write(out);
                wb.dispose();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path csv(int rows) {
        try {
            Path file = Files.createTempFile("huinong-import-", ".csv");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("name,categoryCode,originRegionCode,unit,spec,priceFen,stock\n");
                for (int r = 1; r <= rows; r++) {
                    w.write("银球茶" + (r % 10) + ",0501,522634,罐,1罐," + (12800 + r % 100) + ",1\n");
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
