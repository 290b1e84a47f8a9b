package cn.huinong.web;

import cn.huinong.shared.Actor;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Optional;

/**
 * Lets a controller declare an {@link Actor} parameter: the caller, its organisation and address (from
 * {@link ClientAddressResolver}, the one place that decides it).
 */
@Singleton
class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {

    private final ClientAddressResolver addresses;

    ActorArgumentBinder(ClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        Actor actor = actorOf(source, addresses.resolve(source));
        return () -> Optional.of(actor);
    }

    static Actor actorOf(HttpRequest<?> request, String address) {
        Optional<Authentication> auth = request.getUserPrincipal(Authentication.class);
        if (auth.isEmpty()) {
            return Actor.anonymous(address);
        }
        Authentication a = auth.get();
        Object org = a.getAttributes().get("organizationId");
        Long organizationId = org instanceof Number n ? n.longValue() : null;
        Collection<String> roles = a.getRoles();
        String role = roles.isEmpty() ? null : roles.iterator().next();
        return new Actor(a.getName(), organizationId, role, address);
    }
}
