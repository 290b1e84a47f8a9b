package cn.huinong.identity.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<UserRow, Long> {

    @Query("SELECT * FROM app_user WHERE lower(username) = lower(:username)")
    Optional<UserRow> findByUsernameIgnoringCase(String username);

    @Query("SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(username) = lower(:username))")
    boolean usernameTaken(String username);
}
