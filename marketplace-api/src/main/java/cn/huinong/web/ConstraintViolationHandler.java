package cn.huinong.web;

import cn.huinong.shared.problem.Violation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bean Validation failures become 400 problem+json with {field, message} per violation. */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.size() == 1 ? violations.get(0).message() : "有" + violations.size() + "项输入不符合要求";
        return Problems.response(
                HttpStatus.BAD_REQUEST,
                Problems.body(Problems.typeFor(400), Problems.titleFor(400), 400, detail, violations, Map.of()));
    }

    /** "register.request.admin.username" -> "admin.username"; a query parameter keeps its own name. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName();
                if (name != null && !name.startsWith("<")) {
                    properties.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
                }
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter != null ? parameter : v.getPropertyPath().toString();
    }
}
