package cn.huinong.monitoring;

/** The half-yearly notice as a printable page (the main form), a workbook with one sheet per table, or CSV. */
public enum NoticeFormat {
    HTML("text/html; charset=UTF-8", "html"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv; charset=UTF-8", "csv");

    private final String mediaType;
    private final String extension;

    NoticeFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
