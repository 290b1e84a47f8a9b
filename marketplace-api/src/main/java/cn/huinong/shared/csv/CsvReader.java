package cn.huinong.shared.csv;

import cn.huinong.shared.upload.UploadedText;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The one CSV reader: the text of an upload in UTF-8 (with or without BOM) or GB18030 ({@link UploadedText}), parsed
 * as RFC 4180 by Apache Commons CSV record by record (quoted fields may hold commas, quotes and line breaks; empty lines
 * and spaces are kept, a ragged end of file is accepted). The caller closes the parser.
 */
public final class CsvReader {

    /** The format every upload is read with. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .setIgnoreSurroundingSpaces(false)
            .setLenientEof(true)
            .setTrailingData(true)
            .get();

    private CsvReader() {}

    public static CSVParser open(Path file) throws IOException {
        return parse(UploadedText.open(file));
    }

    public static CSVParser open(byte[] content) throws IOException {
        return parse(UploadedText.open(content));
    }

    /** Parses text already decoded. */
    public static CSVParser parse(Reader text) throws IOException {
        return CSVParser.builder().setReader(text).setFormat(FORMAT).get();
    }
}
