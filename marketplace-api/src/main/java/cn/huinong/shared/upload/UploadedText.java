package cn.huinong.shared.upload;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The text of an uploaded CSV, read as a stream and never held whole: UTF-8 when every byte of it is valid
 * UTF-8, otherwise GB18030 (what spreadsheet programs in a Chinese locale save as "CSV"). A leading byte order
 * mark is dropped. Deciding the charset reads the file once through a strict decoder (nothing kept), then the
 * reader reads it again.
 */
public final class UploadedText {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private UploadedText() {}

    /** Opens {@code file} as text; the caller closes the reader. */
    public static Reader open(Path file) throws IOException {
        return open(() -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The same for content already in memory (small files made by the application itself). */
    public static Reader open(byte[] content) throws IOException {
        return open(() -> new ByteArrayInputStream(content));
    }

    private static Reader open(Supplier<InputStream> source) throws IOException {
        Charset charset;
        try (InputStream in = source.get()) {
            charset = validUtf8(in) ? StandardCharsets.UTF_8 : GB18030;
        }
        PushbackReader reader =
                new PushbackReader(new BufferedReader(new InputStreamReader(source.get(), charset), 1 << 16));
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** True when the whole stream decodes as UTF-8 without a malformed or unmappable sequence. */
    static boolean validUtf8(InputStream in) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buffer = new char[8192];
        try (Reader r = new InputStreamReader(in, strict)) {
            while (r.read(buffer) != -1) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
