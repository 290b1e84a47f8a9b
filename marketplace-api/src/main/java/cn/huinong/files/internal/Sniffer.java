package cn.huinong.files.internal;

import cn.huinong.files.FileType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipFile;

/** What a file's bytes are, by their signature (never by the name or the type the client declares). */
final class Sniffer {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    static final int HEAD = 16;

    private Sniffer() {}

    /** The type of a file whose first bytes are {@code head}; OFD is a ZIP package with OFD.xml at its root. */
    static Optional<FileType> sniff(byte[] head, Path file) {
        if (starts(head, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (starts(head, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (starts(head, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (starts(head, ZIP) && isOfd(file)) {
            return Optional.of(FileType.OFD);
        }
        return Optional.empty();
    }

    private static boolean isOfd(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("OFD.xml") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean starts(byte[] head, byte[] signature) {
        return head.length >= signature.length
                && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }
}
