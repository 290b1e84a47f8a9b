package cn.huinong.catalog.web;

import cn.huinong.catalog.Categories;
import cn.huinong.catalog.CategoryNode;
import cn.huinong.shared.problem.InputProblems;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

@Controller("/api/v1/catalog/categories")
@InputProblems
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    /** The category tree (reference data). */
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<CategoryNode> tree() {
        return categories.tree();
    }
}
