package cn.huinong.files;

/** The content types the platform stores, recognised by their bytes. OFD is China's fixed-layout format (GB/T 33190). */
public enum FileType {
    PDF("application/pdf", "PDF"),
    JPEG("image/jpeg", "JPEG"),
    PNG("image/png", "PNG"),
    OFD("application/ofd", "OFD");

    private final String mediaType;
    private final String label;

    FileType(String mediaType, String label) {
        this.mediaType = mediaType;
        this.label = label;
    }

    public String mediaType() {
        return mediaType;
    }

    public String label() {
        return label;
    }

    public static FileType ofMediaType(String mediaType) {
        for (FileType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return t;
            }
        }
        throw new IllegalArgumentException(mediaType);
    }
}
