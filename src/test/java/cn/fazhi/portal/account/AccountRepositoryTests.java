package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhi.portal.PortalJpaTest;
import cn.fazhi.portal.account.internal.Account;
import cn.fazhi.portal.account.internal.AccountRepository;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@PortalJpaTest
class AccountRepositoryTests {

    @Autowired
    AccountRepository accounts;

    @Autowired
    EntityManager entityManager;

    @Test
    void anAccountIsFoundByUsername() {
        accounts.save(new Account("clerk-532527-test", "测试", "{noop}x", Role.COUNTY_STAFF, "532527", "COUNTY", true));
        Account found = accounts.findByUsername("clerk-532527-test").orElseThrow();
        assertThat(found.getRole()).isEqualTo(Role.COUNTY_STAFF);
        assertThat(found.isMustChangePassword()).isTrue();
        assertThat(found.toPortalUser().toViewer().scopeRegionCode()).isEqualTo("532527");
    }

    @Test
    void theDatabaseRefusesAScopeThatDoesNotFitTheRole() {
        assertThatThrownBy(() -> {
                    accounts.save(
                            new Account("admin-with-scope", "x", "{noop}x", Role.ADMIN, "530000", "PROVINCE", false));
                    entityManager.flush();
                })
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void usernamesAreUnique() {
        accounts.save(new Account("same-name", "x", "{noop}x", Role.REVIEWER, null, null, false));
        entityManager.flush();
        assertThatThrownBy(() -> {
                    accounts.save(new Account("same-name", "y", "{noop}y", Role.REVIEWER, null, null, false));
                    entityManager.flush();
                })
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aViewerSeesUnpublishedWorkOnlyWithinScope() {
        RegionView luxi = new RegionView("532527", "泸西县", RegionLevel.COUNTY, "532500", "530000", "532500");
        assertThat(new Viewer(1L, "c", Role.COUNTY_STAFF, "532527").canSeeUnpublishedOf(luxi))
                .isTrue();
        assertThat(new Viewer(1L, "c", Role.COUNTY_STAFF, "530621").canSeeUnpublishedOf(luxi))
                .isFalse();
        assertThat(new Viewer(1L, "r", Role.REVIEWER, "532500").canSeeUnpublishedOf(luxi))
                .isTrue();
        assertThat(new Viewer(1L, "r", Role.REVIEWER, "530000").canSeeUnpublishedOf(luxi))
                .isTrue();
        assertThat(new Viewer(1L, "r", Role.REVIEWER, null).canSeeUnpublishedOf(luxi))
                .isTrue();
        assertThat(new Viewer(1L, "r", Role.REVIEWER, "530600").canSeeUnpublishedOf(luxi))
                .isFalse();
        assertThat(new Viewer(1L, "a", Role.ADMIN, null).canSeeUnpublishedOf(luxi))
                .isTrue();
        assertThat(Viewer.ANONYMOUS.canSeeUnpublishedOf(luxi)).isFalse();
    }
}
