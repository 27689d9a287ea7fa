package cn.fazhi.portal.account;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
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

    /** Active administrators, locked for the rest of the transaction so that two can't demote each other at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.role = cn.fazhi.portal.account.Role.ADMIN and a.enabled = true")
    List<Account> lockActiveAdmins();

    /**
     * Counts a failed login in one statement, so that parallel guesses are all counted: the
     * count starts again after an expired lock, and reaching the maximum sets the lock.
     */
    @Query(nativeQuery = true, value = """
            update account set
                failed_login_count = case when locked_until is not null and locked_until <= :now then 1
                                          else failed_login_count + 1 end,
                locked_until = case
                    when locked_until is not null and locked_until > :now then locked_until
                    when (case when locked_until is not null and locked_until <= :now then 1
                               else failed_login_count + 1 end) >= :maxFailures then :lockUntil
                    else null end
            where username = :username
            returning locked_until
            """)
    List<Instant> countFailedLogin(String username, Instant now, int maxFailures, Instant lockUntil);
}
