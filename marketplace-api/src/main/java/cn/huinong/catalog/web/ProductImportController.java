package cn.huinong.catalog.web;

import cn.huinong.catalog.ProductImportView;
import cn.huinong.catalog.ProductImports;
import cn.huinong.shared.Actor;
import cn.huinong.shared.Role;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.StandardProblems;
import cn.huinong.shared.problem.Violation;
import cn.huinong.shared.upload.Uploads;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

@Controller("/api/v1/products/imports")
@StandardProblems
class ProductImportController {

    /** As micronaut.server.multipart.max-file-size: the spool checks it again while copying. */
    private static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    private final ProductImports imports;

    ProductImportController(ProductImports imports) {
        this.imports = imports;
    }

    /** Multipart {@code file} (CSV or XLSX) and optional {@code submit=true}: all rows are imported, or none. */
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(Role.Names.SUPPLIER)
    @ApiResponse(
            responseCode = "201",
            description = "已全部导入",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ProductImportView.class)))
    @ApiResponse(responseCode = "422", description = "文件有误，未导入任何商品（rowErrors 逐格说明）")
    @ApiResponse(responseCode = "400", description = "文件无法读取、表头有误、超过行数上限（import-max-rows）或解压后过大，未导入任何商品")
    HttpResponse<ProductImportView> importFile(
            @Nullable CompletedFileUpload file,
            @Nullable @Part("submit") String submit,
            @Parameter(hidden = true) Actor actor) {
        if (file == null || file.getSize() == 0) {
            throw new InvalidInputException("请上传CSV或XLSX文件", List.of(new Violation("file", "请选择要导入的文件")));
        }
        Path content = Uploads.spool(inputStream(file), MAX_UPLOAD_BYTES);
        try {
            return HttpResponse.created(imports.importFile(
                    file.getFilename(),
                    content,
                    "true".equalsIgnoreCase(submit == null ? null : submit.strip()),
                    actor));
        } finally {
            Uploads.deleteQuietly(content);
        }
    }

    private static java.io.InputStream inputStream(CompletedFileUpload file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status and progress (rows processed of total). */
    @Get("/{id}")
    @Secured({Role.Names.SUPPLIER, Role.Names.OPERATOR})
    ProductImportView get(@PathVariable long id, @Parameter(hidden = true) Actor actor) {
        return imports.find(id, actor);
    }

    /** The CSV template of a product import. */
    @Get(value = "/template.csv", produces = "text/csv;charset=UTF-8")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<byte[]> template() {
        return HttpResponse.ok(imports.templateCsv().getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"product-import-template.csv\"");
    }
}
