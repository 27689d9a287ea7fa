package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.account.Role;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface AccountRepository extends Repository<Account, Long>, JpaSpecificationExecutor<Account> {

    Account save(Account account);

    Optional<Account> findById(Long id);

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRoleAndEnabledTrue(Role role);

    long countByRoleAndEnabledTrue(Role role);

    long count();

    /** Active administrators, locked for the rest of the transaction so that two can't demote each other at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.role = cn.fazhi.portal.account.Role.ADMIN and a.enabled = true")
    List<Account> lockActiveAdmins();
}
