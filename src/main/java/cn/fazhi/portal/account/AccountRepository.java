package cn.fazhi.portal.account;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long> {

    Account save(Account account);

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRoleAndEnabledTrue(Role role);

    long count();
}
