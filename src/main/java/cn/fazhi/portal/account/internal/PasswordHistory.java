package cn.fazhi.portal.account.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 密码历史: the hashes of the last passwords each user chose, so that none is chosen again soon. */
@Repository
class PasswordHistory {

    private final JdbcClient jdbc;

    PasswordHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The hashes of the account's last {@code count} chosen passwords, newest first. */
    List<String> recent(long accountId, int count) {
        return jdbc.sql("select password_hash from password_history where account_id = :id order by id desc limit :n")
                .param("id", accountId)
                .param("n", count)
                .query(String.class)
                .list();
    }

    /** Adds a chosen password and forgets all but the last {@code keep}. */
    void add(long accountId, String passwordHash, int keep) {
        jdbc.sql("insert into password_history (account_id, password_hash) values (:id, :hash)")
                .param("id", accountId)
                .param("hash", passwordHash)
                .update();
        jdbc.sql("""
                delete from password_history where account_id = :id and id not in (
                    select id from password_history where account_id = :id order by id desc limit :keep)
                """).param("id", accountId).param("keep", keep).update();
    }
}
