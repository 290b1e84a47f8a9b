package cn.huinong.region.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.huinong.region.LineError;
import cn.huinong.region.RegionLevel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignationCsvTest {

    private static final Map<String, DesignationCsv.KnownRegion> REGIONS = Map.of(
            "520000", new DesignationCsv.KnownRegion("520000", "贵州省", RegionLevel.PROVINCE),
            "522600", new DesignationCsv.KnownRegion("522600", "黔东南苗族侗族自治州", RegionLevel.PREFECTURE),
            "522634", new DesignationCsv.KnownRegion("522634", "雷山县", RegionLevel.COUNTY),
            "522633", new DesignationCsv.KnownRegion("522633", "从江县", RegionLevel.COUNTY));

    private static DesignationCsv.Parsed parse(String text) {
        return DesignationCsv.parse(text.getBytes(StandardCharsets.UTF_8), REGIONS);
    }

    @Test
    void readsCodesWithHeaderAndNames() {
        DesignationCsv.Parsed p = parse("regionCode,name\n522634,雷山县\n522633,从江县\n");
        assertEquals(Set.of("522634", "522633"), p.codes());
        assertEquals(2, p.totalLines());
        assertTrue(p.errors().isEmpty());
    }

    @Test
    void acceptsBomCrLfBlankLinesCommentsAndCodeOnlyLines() {
        DesignationCsv.Parsed p = parse("\uFEFF区划代码,名称\r\n# 黔东南\r\n\r\n522634\r\n\"522633\",\"从江县\"\r\n");
        assertEquals(Set.of("522634", "522633"), p.codes());
        assertTrue(p.errors().isEmpty());
    }

    @Test
    void acceptsFullWidthCommasTabsAndQuotedCells() {
        DesignationCsv.Parsed p = parse("区划代码，名称\n522634，雷山县\n\"522633\"\t\"从江县\"\n");
        assertEquals(Set.of("522634", "522633"), p.codes());
        assertEquals(2, p.totalLines());
        assertTrue(p.errors().isEmpty(), p.errors().toString());
    }

    @Test
    void anUnbalancedQuoteIsReportedOnTheLineItOpens() {
        DesignationCsv.Parsed p = parse("regionCode,name\n522634,雷山县\n\"522633,从江县\n522632\n");
        assertEquals(1, p.errors().size(), p.errors().toString());
        assertEquals(3, p.errors().get(0).line());
        assertEquals("引号不成对：区划代码和名称不能跨行", p.errors().get(0).message());
        assertEquals("522633,从江县", p.errors().get(0).value());
    }

    @Test
    void readsGb18030FilesSavedBySpreadsheets() {
        byte[] gbk = "regionCode,name\n522634,雷山县\n".getBytes(Charset.forName("GB18030"));
        DesignationCsv.Parsed p = DesignationCsv.parse(gbk, REGIONS);
        assertEquals(Set.of("522634"), p.codes());
        assertTrue(p.errors().isEmpty(), p.errors().toString());
    }

    @Test
    void reportsEveryBadLineWithItsNumber() {
        DesignationCsv.Parsed p = parse(String.join(
                "\n",
                "regionCode,name", // 1
                "522634,雷山县", // 2 ok
                "52263", // 3 not six digits
                "999999", // 4 unknown
                "522600", // 5 prefecture
                "520000", // 6 province
                "522633,榕江县", // 7 wrong name
                "522634", // 8 duplicate of 2
                ""));
        List<Integer> lines = p.errors().stream().map(LineError::line).toList();
        assertEquals(List.of(3, 4, 5, 6, 7, 8), lines);
        assertEquals("区划代码应为6位数字", p.errors().get(0).message());
        assertEquals("未知的区划代码 999999", p.errors().get(1).message());
        assertTrue(p.errors().get(2).message().contains("地级"));
        assertTrue(p.errors().get(3).message().contains("省级"));
        assertEquals("名称与区划代码不符：522633 应为“从江县”", p.errors().get(4).message());
        assertEquals("与第2行重复", p.errors().get(5).message());
        assertEquals(7, p.totalLines());
    }

    @Test
    void anEmptyFileIsAnError() {
        DesignationCsv.Parsed p = parse("regionCode,name\n\n");
        assertEquals(1, p.errors().size());
        assertEquals("文件中没有任何区划代码", p.errors().get(0).message());
    }

    @Test
    void stopsReadingAtTheLineLimit() throws Exception {
        cn.huinong.support.EndlessText endless =
                new cn.huinong.support.EndlessText("regionCode,name\n", "522634,雷山县\n");
        DesignationCsv.Parsed p = DesignationCsv.parse(endless, REGIONS);
        assertEquals(1, p.errors().size());
        assertEquals(
                "文件超过" + DesignationCsv.MAX_LINES + "行，请拆分后导入",
                p.errors().get(0).message());
        assertTrue(p.codes().isEmpty(), "nothing to apply");
        assertTrue(endless.served() < DesignationCsv.MAX_LINES + 10_000, "stopped near the limit: " + endless.served());
    }
}
