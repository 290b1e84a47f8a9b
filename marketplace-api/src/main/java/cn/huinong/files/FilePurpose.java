package cn.huinong.files;

import java.util.Set;

/** What a file is uploaded for: which content types it may be and how large. */
public enum FilePurpose {
    TRANSFER_SLIP("转账回单", Set.of(FileType.PDF, FileType.JPEG, FileType.PNG, FileType.OFD), 10L << 20),
    CERTIFICATE_SCAN("证书扫描件", Set.of(FileType.PDF, FileType.JPEG, FileType.PNG, FileType.OFD), 10L << 20),
    BUSINESS_LICENCE("营业执照", Set.of(FileType.PDF, FileType.JPEG, FileType.PNG, FileType.OFD), 10L << 20),
    PRODUCT_PHOTO("商品图片", Set.of(FileType.JPEG, FileType.PNG), 5L << 20),
    EVIDENCE("凭证照片", Set.of(FileType.JPEG, FileType.PNG, FileType.PDF), 10L << 20);

    private final String label;
    private final Set<FileType> types;
    private final long maxBytes;

    FilePurpose(String label, Set<FileType> types, long maxBytes) {
        this.label = label;
        this.types = types;
        this.maxBytes = maxBytes;
    }

    public String label() {
        return label;
    }

    public Set<FileType> types() {
        return types;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
