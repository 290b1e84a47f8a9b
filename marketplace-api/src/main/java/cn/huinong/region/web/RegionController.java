package cn.huinong.region.web;

import cn.huinong.region.RegionLevel;
import cn.huinong.region.RegionView;
import cn.huinong.region.Regions;
import cn.huinong.shared.problem.InputProblems;
import cn.huinong.shared.problem.InvalidInputException;
import cn.huinong.shared.problem.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

@Controller("/api/v1/regions")
@InputProblems
@Secured(SecurityRule.IS_ANONYMOUS)
class RegionController {

    private final Regions regions;

    RegionController(Regions regions) {
        this.regions = regions;
    }

    /** Top of the tree: {@code ?level=PROVINCE} (the only level listed whole; go down with /children). */
    @Get
    List<RegionView> list(@Nullable @QueryValue RegionLevel level) {
        if (level != null && level != RegionLevel.PROVINCE) {
            throw new InvalidInputException("只能按省级列出，下级区划请使用 /regions/{code}/children");
        }
        return regions.provinces();
    }

    /** One region by its GB/T 2260 code. */
    @Get("/{code}")
    RegionView get(@PathVariable String code) {
        return regions.find(code).orElseThrow(() -> new NotFoundException("区划代码不存在：" + code));
    }

    /** The regions directly below a region. */
    @Get("/{code}/children")
    List<RegionView> children(@PathVariable String code) {
        regions.find(code).orElseThrow(() -> new NotFoundException("区划代码不存在：" + code));
        return regions.children(code);
    }
}
