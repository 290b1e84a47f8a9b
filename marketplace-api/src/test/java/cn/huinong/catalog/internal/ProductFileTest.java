package cn.huinong.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductFileTest {

    @Test
    void readsQuotedCellsAndKeepsPhysicalLineNumbers() {
        String csv = "\uFEFFname,categoryCode,originRegionCode,unit,spec,priceFen,stock,description\r\n"
                + "\r\n"
                + "茶,0501,522634,罐,250克/罐,12800,1,\"第一行\n第二行，含\"\"引号\"\"\"\r\n"
                + "米,010101,522634,袋,5千克/袋,5000,2,\n";
        ProductFile.Parsed parsed = ProductFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("CSV", parsed.format());
        assertEquals(
                List.of(3, 5),
                parsed.lines().stream().map(ProductFile.Line::line).toList());
        assertEquals("第一行\n第二行，含\"引号\"", parsed.lines().get(0).get("description"));
        assertEquals(null, parsed.lines().get(1).get("description"));
    }

    @Test
    void acceptsChineseHeadersInGb18030() {
        String csv = "商品名称,品类代码,产地代码,单位,规格,价格（元）,库存,品牌\n鱼酱,0701,522634,瓶,500克,19.90,3,苗岭\n";
        ProductFile.Parsed parsed = ProductFile.parse(csv.getBytes(Charset.forName("GB18030")));
        ProductFile.Line line = parsed.lines().get(0);
        assertEquals("鱼酱", line.get("name"));
        assertEquals("19.90", line.get("price"));
        assertEquals("苗岭", line.get("brandName"));
    }

    @Test
    void convertsYuanToFenExactly() {
        List<cn.huinong.catalog.RowError> errors = new ArrayList<>();
        assertEquals(1999L, fen("19.99", errors));
        assertEquals(1990L, fen("19.9", errors));
        assertEquals(29L, fen("0.29", errors));
        assertEquals(100000000000L, fen("1000000000", errors));
        assertEquals(List.of(), errors);
        assertEquals(null, fen("19.999", errors));
        assertEquals(null, fen("0", errors));
        assertEquals(null, fen("-1", errors));
        assertEquals(null, fen("1e3", errors));
        assertEquals(4, errors.size());
    }

    private static Long fen(String price, List<cn.huinong.catalog.RowError> errors) {
        return ProductImportService.yuanToFen(new ProductFile.Line(2, java.util.Map.of("price", price)), errors);
    }

    @Test
    void reportsUnknownAndMissingColumns() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> ProductFile.parse("name,colour\n茶,绿\n".getBytes(StandardCharsets.UTF_8)));
        List<String> messages = e.violations().stream().map(Violation::message).toList();
        assertEquals("未知的列：colour", messages.get(0));
        assertEquals(
                List.of(
                        "缺少必填列：categoryCode",
                        "缺少必填列：originRegionCode",
                        "缺少必填列：unit",
                        "缺少必填列：spec",
                        "缺少必填列：stock",
                        "缺少价格列：priceFen（分）或 price（元，最多两位小数）"),
                messages.subList(1, messages.size()));
    }

    @Test
    void stopsReadingACsvAtTheFirstRowPastTheLimit() {
        cn.huinong.support.EndlessText endless = new cn.huinong.support.EndlessText(
                "name,categoryCode,originRegionCode,unit,spec,priceFen,stock\n", "茶,0501,522634,罐,250克/罐,12800,1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProductFile.readCsv(endless, 5000));
        assertEquals("导入文件超过5000行，请拆分后导入", e.getMessage());
        assertEquals("file", e.violations().get(0).field());
        assertTrue(endless.served() < 5000 + 10_000, "stopped near the limit: " + endless.served());
    }

    @Test
    void readsAGoodXlsxThroughTheEventReader() throws Exception {
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("商品");
            String[] header = {"商品名称", "品类代码", "产地代码", "单位", "规格", "价格（元）", "库存", "描述"};
            org.apache.poi.ss.usermodel.Row h =
                    sheet.createRow(1); // a blank first row: the header is the first non-empty one
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            org.apache.poi.ss.usermodel.Row r = sheet.createRow(3);
            r.createCell(0).setCellValue("雷山银球茶");
            r.createCell(1).setCellValue("0501");
            r.createCell(2).setCellValue("522634");
            r.createCell(3).setCellValue("罐");
            r.createCell(4).setCellValue("250克/罐");
            r.createCell(5).setCellValue(128.5);
            r.createCell(6).setCellValue(12);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        ProductFile.Parsed parsed = ProductFile.parse(xlsx, 10);
        assertEquals("XLSX", parsed.format());
        assertEquals(1, parsed.lines().size());
        ProductFile.Line line = parsed.lines().get(0);
        assertEquals(4, line.line(), "the row's place in the sheet");
        assertEquals("雷山银球茶", line.get("name"));
        assertEquals("128.5", line.get("price"));
        assertEquals("12", line.get("stock"));
        assertEquals(null, line.get("description"));
    }
}
