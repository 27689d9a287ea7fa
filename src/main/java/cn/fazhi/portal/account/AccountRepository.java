package cn.fazhi.portal.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long>, JpaSpecificationExecutor<Account> {

    Account save(Account account);

    Optional<Account> findById(Long id);

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRoleAndEnabledTrue(Role role);

    long countByRoleAndEnabledTrue(Role role);

    long count();
}
