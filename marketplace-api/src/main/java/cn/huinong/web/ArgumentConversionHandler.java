package cn.huinong.web;

import cn.huinong.shared.problem.Violation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * A path variable, query parameter or header that cannot be converted ("abc" for a year, 99999999999 for an int)
 * is a 400 naming the parameter, in Chinese, without the converter's message (Java types, parser text).
 */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
class ArgumentConversionHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException e) {
        if (Arguments.isBody(e.getArgument())) {
            return Problems.response(
                    HttpStatus.BAD_REQUEST,
                    Problems.body(
                            Problems.typeFor(400),
                            Problems.titleFor(400),
                            400,
                            "请求体的内容与接口要求的格式不符",
                            List.of(),
                            Map.of()));
        }
        Object value = e.getConversionError().getOriginalValue().orElse(null);
        return InputHygieneFilter.invalid(List.of(
                new Violation(Arguments.fieldOf(e.getArgument()), Arguments.expectation(e.getArgument(), value))));
    }
}
