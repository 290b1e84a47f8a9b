package cn.huinong.support;

import java.io.Reader;

/**
 * A text that never ends: {@code header} once, then {@code line} forever. A reader that tried to hold the whole
 * input would never return; one that stops at its limit while reading does.
 */
public final class EndlessText extends Reader {

    private final String header;
    private final String line;
    private int pos;
    private long served;

    public EndlessText(String header, String line) {
        this.header = header;
        this.line = line;
    }

    @Override
    public int read(char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            String current = served == 0 ? header : line;
            buf[off + i] = current.charAt(pos++);
            if (pos == current.length()) {
                pos = 0;
                served++;
            }
        }
        return len;
    }

    /** Lines handed out so far (the header counts). */
    public long served() {
        return served;
    }

    @Override
    public void close() {}
}
