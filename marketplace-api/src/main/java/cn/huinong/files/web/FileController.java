package cn.huinong.files.web;

import cn.huinong.files.FileContent;
import cn.huinong.files.FilePurpose;
import cn.huinong.files.Files;
import cn.huinong.files.StoredFileView;
import cn.huinong.shared.Actor;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.StandardProblems;
import cn.huinong.shared.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

@Controller("/api/v1/files")
@StandardProblems
class FileController {

    private final Files files;

    FileController(Files files) {
        this.files = files;
    }

    /** Multipart {@code file} and {@code purpose} (TRANSFER_SLIP, CERTIFICATE_SCAN, ...): the type is sniffed from the bytes. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ApiResponse(
            responseCode = "201",
            description = "已上传",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StoredFileView.class)))
    @ApiResponse(responseCode = "400", description = "文件类型不符合用途，或文件为空")
    @ApiResponse(responseCode = "413", description = "文件超过该用途的大小限制")
    HttpResponse<StoredFileView> upload(
            @Nullable CompletedFileUpload file,
            @Nullable @Part("purpose") String purpose,
            @Parameter(hidden = true) Actor actor) {
        if (file == null) {
            throw new InvalidInputException("请选择要上传的文件", List.of(new Violation("file", "请选择要上传的文件")));
        }
        try {
            return HttpResponse.created(
                    files.upload(file.getFilename(), file.getInputStream(), purposeOf(purpose), actor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file, for its uploader's organisation, operators, and those who may see what it is attached to (404 otherwise). */
    @Get(
            value = "/{id}",
            produces = {"application/pdf", "image/jpeg", "image/png", "application/ofd"})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ApiResponse(
            responseCode = "200",
            description = "文件内容（类型为上传时识别的类型）",
            content = {
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/ofd", schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "404", description = "文件不存在，或无权查看")
    HttpResponse<StreamedFile> download(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        FileContent content = files.open(id, actor);
        StoredFileView f = content.file();
        try {
            StreamedFile body = new StreamedFile(
                    java.nio.file.Files.newInputStream(content.path()),
                    MediaType.of(f.contentType()),
                    f.createdAt().toEpochMilli(),
                    f.size());
            boolean inline = !f.contentType().equals("application/ofd");
            return HttpResponse.ok(body)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            (inline ? "inline" : "attachment") + "; filename=\"file-"
                                    + f.id() + "\"; filename*=UTF-8''"
                                    + URLEncoder.encode(f.name(), StandardCharsets.UTF_8)
                                            .replace("+", "%20"))
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "sandbox; default-src 'none'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FilePurpose purposeOf(String purpose) {
        String p = purpose == null ? "" : purpose.strip();
        return Arrays.stream(FilePurpose.values())
                .filter(v -> v.name().equals(p))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "请说明文件用途",
                        List.of(new Violation(
                                "purpose",
                                "用途应为 "
                                        + String.join(
                                                "、",
                                                Arrays.stream(FilePurpose.values())
                                                        .map(Enum::name)
                                                        .toList()) + " 之一"))));
    }
}
