package cn.huinong.shared.upload;

import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Uploaded files go to a temporary file before anything reads them, so that readers can stream them (and open an
 * XLSX as a zip file instead of inflating every entry into memory). The size is checked while copying.
 */
public final class Uploads {

    private Uploads() {}

    /** Copies {@code in} to a new temporary file, refusing (400, nothing kept) once more than {@code maxBytes} came. */
    public static Path spool(InputStream in, long maxBytes) {
        Path file = null;
        try (in) {
            file = Files.createTempFile("huinong-upload-", ".tmp");
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw new InvalidInputException(
                                "上传的文件过大",
                                List.of(new Violation("file", "文件不能超过" + (maxBytes / (1024 * 1024)) + " MB，请拆分后上传")));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    public static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the temporary folder is cleaned by the system too
        }
    }
}
