package cn.huinong.web;

import cn.huinong.shared.problem.Violation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** A required query parameter, header, part or body that is missing: 400 naming it, in Chinese. */
@Produces
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
class MissingArgumentHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnsatisfiedRouteException e) {
        if (e instanceof UnsatisfiedBodyRouteException || Arguments.isBody(e.getArgument())) {
            return Problems.response(
                    HttpStatus.BAD_REQUEST,
                    Problems.body(
                            Problems.typeFor(400),
                            Problems.titleFor(400),
                            400,
                            "请求体不能为空",
                            List.of(new Violation("body", "请求体不能为空")),
                            Map.of()));
        }
        return InputHygieneFilter.invalid(List.of(new Violation(Arguments.fieldOf(e.getArgument()), "必须填写")));
    }
}
