package cn.huinong.region.web;

import cn.huinong.region.DesignatedRegion;
import cn.huinong.region.DesignationImportResult;
import cn.huinong.region.DesignationKind;
import cn.huinong.region.DesignationMode;
import cn.huinong.region.Designations;
import cn.huinong.shared.Actor;
import cn.huinong.shared.PageQuery;
import cn.huinong.shared.PageResponse;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.StandardProblems;
import cn.huinong.shared.problem.Violation;
import cn.huinong.shared.upload.Uploads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

@Controller("/api/v1/regions/designations")
@StandardProblems
class DesignationController {

    /** As micronaut.server.multipart.max-file-size: the spool checks it again while copying. */
    private static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    private final Designations designations;

    DesignationController(Designations designations) {
        this.designations = designations;
    }

    /** Import a CSV list of counties (multipart: kind, mode, file). 422 with lineErrors when any line is wrong. */
    @Post(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @ApiResponse(responseCode = "422", description = "文件有误，未做任何更改（lineErrors 逐行说明）")
    @Secured(Role.Names.OPERATOR)
    @ApiResponse(
            responseCode = "201",
            description = "已导入",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DesignationImportResult.class)))
    DesignationImportResult importFile(
            @Part("kind") String kind,
            @Nullable @Part("mode") String mode,
            @Nullable CompletedFileUpload file,
            @Parameter(hidden = true) Actor actor) {
        if (file == null || file.getSize() == 0) {
            throw new InvalidInputException("请上传CSV文件", List.of(new Violation("file", "请选择要导入的文件")));
        }
        DesignationKind k = parse(DesignationKind.class, kind, "kind", "名单类型应为 POVERTY_ALLEVIATED 或 KEY_ASSISTANCE");
        DesignationMode m = mode == null || mode.isBlank()
                ? DesignationMode.REPLACE
                : parse(DesignationMode.class, mode, "mode", "导入方式应为 REPLACE 或 MERGE");
        Path content = Uploads.spool(inputStream(file), MAX_UPLOAD_BYTES);
        try {
            return designations.importCsv(actor, k, m, file.getFilename(), content);
        } finally {
            Uploads.deleteQuietly(content);
        }
    }

    /** The designation imports, newest first. */
    @Get("/imports")
    @Secured(Role.Names.OPERATOR)
    PageResponse<DesignationImportResult> imports(
            @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return designations.imports(PageQuery.of(page, size));
    }

    /** The current list of a kind, optionally within one province. */
    @Get
    @Secured({Role.Names.OPERATOR, Role.Names.REGULATOR, Role.Names.SUPPLIER, Role.Names.BUYER})
    PageResponse<DesignatedRegion> list(
            @QueryValue DesignationKind kind,
            @Nullable @QueryValue String province,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        return designations.designated(kind, province, PageQuery.of(page, size));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(message, List.of(new Violation(field, message)));
        }
    }

    private static InputStream inputStream(CompletedFileUpload file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
