package cn.fazhi.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalJpaTest;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalJpaTest
class AuditEventRepositoryTests {

    @Autowired
    AuditEventRepository events;

    @Autowired
    EntityManager entityManager;

    @Test
    void anEventKeepsItsBeforeAndAfterAsJson() {
        events.save(new AuditEvent(
                Instant.now(),
                "demo-admin",
                "127.0.0.1",
                "UPDATE",
                "Account",
                "audit-repository-test",
                "{\"enabled\": true}",
                "{\"enabled\": false}"));
        entityManager.flush();
        entityManager.clear();
        assertThat(events.findTop50ByEntityTypeAndEntityIdOrderByOccurredAtDesc("Account", "audit-repository-test"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("demo-admin");
                    assertThat(e.getAfterState()).contains("\"enabled\"").contains("false");
                });
    }
}
