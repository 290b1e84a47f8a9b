package cn.huinong.monitoring.web;

import cn.huinong.monitoring.ExportFormat;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Exports go from a database cursor straight into a temporary file (constant memory for any number of rows), which
 * the response then streams with its length known; the file is deleted when the response closes it. Its last
 * modification is the controller's {@link Clock} (the application's one).
 */
final class Downloads {

    private Downloads() {}

    static StreamedFile stream(
            Clock clock, String prefix, String extension, String mediaType, Consumer<OutputStream> writer) {
        try {
            Path file = Files.createTempFile(prefix, "." + extension);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                writer.accept(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            InputStream in = new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Files.deleteIfExists(file);
                    }
                }
            };
            return new StreamedFile(in, MediaType.of(mediaType), clock.millis(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The response of every export: the file written by {@code writer} (see {@link #stream}), named {@code ascii}
     * and {@code name} (without the extension, added here), never cached. {@code inline} shows it in the browser
     * (the notice's HTML); otherwise it is an attachment.
     */
    static HttpResponse<StreamedFile> file(
            Clock clock,
            String ascii,
            String name,
            String extension,
            String mediaType,
            boolean inline,
            Consumer<OutputStream> writer) {
        StreamedFile file = stream(clock, "huinong-" + ascii + "-", extension, mediaType, writer);
        return HttpResponse.ok(file)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition(inline ? "inline" : "attachment", ascii + "." + extension, name + "." + extension))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static HttpResponse<StreamedFile> attachment(
            Clock clock, String ascii, String name, ExportFormat format, Consumer<OutputStream> writer) {
        return file(clock, ascii, name, format.extension(), format.mediaType(), false, writer);
    }

    /** An ASCII file name for old clients and the Chinese one (RFC 5987) for the others. */
    static String disposition(String disposition, String ascii, String name) {
        return disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
