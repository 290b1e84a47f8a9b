package cn.huinong.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Uploads (POST /files) and downloads (GET /files/{id}) as a browser would, and small files of each kind. */
public final class FileFixtures {

    private FileFixtures() {}

    /** A tiny but real PDF (one page, the text "回单"). */
    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return new byte[] {
            (byte) 0x89,
            'P',
            'N',
            'G',
            '\r',
            '\n',
            0x1A,
            '\n',
            0,
            0,
            0,
            13,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            1,
            0,
            0,
            0,
            1,
            8,
            6,
            0,
            0,
            0
        };
    }

    public static byte[] jpeg() {
        return new byte[] {
            (byte) 0xFF,
            (byte) 0xD8,
            (byte) 0xFF,
            (byte) 0xE0,
            0,
            16,
            'J',
            'F',
            'I',
            'F',
            0,
            1,
            1,
            0,
            0,
            1,
            0,
            1,
            0,
            0,
            (byte) 0xFF,
            (byte) 0xD9
        };
    }

    /** A ZIP package; an OFD document when it has OFD.xml at its root. */
    public static byte[] zip(String... entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String e : entries) {
                    zip.putNextEntry(new ZipEntry(e));
                    zip.write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Api.Response upload(
            Api api, String token, String purpose, String name, String declaredType, byte[] content) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", name, MediaType.of(declaredType), content);
        if (purpose != null) {
            body.addPart("purpose", purpose);
        }
        return api.send(
                HttpRequest.POST("/api/v1/files", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), token);
    }

    public static long uploaded(Api api, String token, String purpose, byte[] content) {
        Api.Response r = upload(api, token, purpose, "回单.pdf", "application/pdf", content);
        if (r.status() != 201) {
            throw new AssertionError("upload failed: " + r.status() + " " + r.body());
        }
        return ((Number) r.get("id")).longValue();
    }

    /** The response of GET /files/{id}, with its bytes (empty unless 200). */
    public record Download(int status, byte[] bytes, HttpResponse<?> response) {}

    public static Download download(HttpClient client, long fileId, String token) {
        MutableHttpRequest<?> r = HttpRequest.GET("/api/v1/files/" + fileId);
        if (token != null) {
            r.bearerAuth(token);
        }
        try {
            HttpResponse<byte[]> res = client.toBlocking().exchange(r, byte[].class);
            return new Download(res.code(), res.body(), res);
        } catch (HttpClientResponseException e) {
            return new Download(e.getStatus().getCode(), new byte[0], e.getResponse());
        }
    }
}
