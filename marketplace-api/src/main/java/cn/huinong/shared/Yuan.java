package cn.huinong.shared;

import java.math.BigDecimal;
import java.util.Locale;

/** Money in messages for people: fen as yuan, {@code ¥1,234.56} (grouped, two decimals), as the web UI shows it. */
public final class Yuan {

    private Yuan() {}

    public static String of(long fen) {
        BigDecimal yuan = BigDecimal.valueOf(fen, 2);
        return (yuan.signum() < 0 ? "-¥" : "¥") + String.format(Locale.ROOT, "%,.2f", yuan.abs());
    }
}
