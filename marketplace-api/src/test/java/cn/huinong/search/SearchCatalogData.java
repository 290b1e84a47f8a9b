package cn.huinong.search;

import static cn.huinong.support.SearchDocuments.doc;

import cn.huinong.support.SearchDocuments;

/** The catalog every search test uses: six searchable products and one that is not. */
public final class SearchCatalogData {

    private SearchCatalogData() {}

    public static void seed(SearchDocuments docs) throws Exception {
        docs.put(doc(1001, "雷山银球茶")
                .description("苗岭高山云雾绿茶，外形似银球")
                .category("茶叶", "02", "0201")
                .categoryNames("饮品", "茶叶")
                .origin("522634", "雷山县", "520000", "贵州省")
                .prefecture("黔东南苗族侗族自治州")
                .brand(11, "雷山银球茶", "REGIONAL_PUBLIC")
                .certifications("GEOGRAPHICAL_INDICATION", "GREEN_FOOD")
                .price(12800, "盒", "250g")
                .stock(10)
                .sales(50)
                .listedAt("2026-10-01T02:00:00Z"));
        docs.put(doc(1002, "都匀毛尖 茶叶礼盒")
                .description("明前采摘")
                .category("茶叶", "02", "0201")
                .categoryNames("饮品", "茶叶")
                .origin("522701", "都匀市", "520000", "贵州省")
                .prefecture("黔南布依族苗族自治州")
                .brand(12, "都匀毛尖", "REGIONAL_PUBLIC")
                .certifications("ASSISTANCE_PRODUCT")
                .price(25800, "盒", "500g")
                .stock(0)
                .sales(120)
                .listedAt("2026-11-01T02:00:00Z"));
        docs.put(doc(1003, "苗家酸汤鱼调料")
                .description("酸爽开胃，也可用来煮茶叶蛋")
                .category("调味品", "03", "0301")
                .origin("522634", "雷山县", "520000", "贵州省")
                .prefecture("黔东南苗族侗族自治州")
                .eligible(false)
                .price(3500, "袋", "300g")
                .stock(100)
                .sales(10));
        docs.put(doc(1004, "五常大米")
                .description("稻花香2号")
                .category("大米", "01", "0101")
                .origin("230184", "五常市", "230000", "黑龙江省")
                .brand(13, "五常大米", "REGIONAL_PUBLIC")
                .certifications("GREEN_FOOD", "ORGANIC")
                .price(9900, "袋", "5kg")
                .stock(20)
                .sales(300)
                .listedAt("2026-09-01T02:00:00Z"));
        docs.put(doc(1005, "普洱小粒咖啡")
                .description("云南高原阿拉比卡")
                .category("咖啡", "02", "0202")
                .categoryNames("饮品", "咖啡")
                .origin("530802", "思茅区", "530000", "云南省")
                .brand(14, "云咖", "ENTERPRISE")
                .certifications("ORGANIC")
                .price(6800, "袋", "500g")
                .stock(5)
                .sales(80)
                .listedAt("2026-11-10T02:00:00Z"));
        docs.put(doc(1006, "黎平山茶油")
                .description("侗乡古法压榨")
                .category("食用油", "01", "0102")
                .origin("522631", "黎平县", "520000", "贵州省")
                .brand(15, "侗乡山茶油", "PRODUCT")
                .certifications("GREEN_FOOD")
                .price(15800, "瓶", "1L")
                .stock(8)
                .sales(30)
                .listedAt("2026-10-15T02:00:00Z"));
        docs.put(
                doc(1007, "已下架的茶叶")
                        .category("茶叶", "02", "0201")
                        .origin("522634", "雷山县", "520000", "贵州省")
                        .price(100, "盒", "1g")
                        .stock(1),
                2,
                false);
    }
}
