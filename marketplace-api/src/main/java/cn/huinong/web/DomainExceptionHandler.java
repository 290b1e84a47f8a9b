package cn.huinong.web;

import cn.huinong.shared.problem.DomainException;
import cn.huinong.shared.problem.RateLimitedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Maps every {@link DomainException} to problem+json; the kind decides the status. */
@Produces
@Singleton
@Requires(classes = {DomainException.class, ExceptionHandler.class})
class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
        };
        MutableHttpResponse<?> response = Problems.response(
                status,
                Problems.body(
                        e.type(), e.kind().title(), status.getCode(), e.getMessage(), e.violations(), e.extensions()));
        if (e instanceof RateLimitedException r) {
            response.header(
                    "Retry-After", String.valueOf(Math.max(1, r.retryAfter().toSeconds())));
        }
        return response;
    }
}
