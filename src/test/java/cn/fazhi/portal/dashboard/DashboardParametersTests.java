package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The dashboards' parameters read at the web edge, without Spring: a peer group's name (refused
 * when it names none: no page sends that) and the ranking's {@code asOf} (ignored when it is no
 * date, as an address typed by hand may be).
 */
class DashboardParametersTests {

    private final PeerGroupConverter peers = new PeerGroupConverter();

    @Test
    void aPeerGroupIsReadBackFromTheNameItsFilterGivesIt() {
        PeerGroups.Group group = new PeerGroups.Group(PeerGroups.Kind.COUNTY, 2);
        assertThat(peers.convert(AreaIndexes.peerName(group))).isEqualTo(group);
        assertThat(peers.convert(" DISTRICT-3 ")).isEqualTo(new PeerGroups.Group(PeerGroups.Kind.DISTRICT, 3));
        assertThat(peers.convert("")).isNull();
        assertThat(peers.convert("  ")).isNull();
    }

    @Test
    void aNameThatIsNoPeerGroupIsRefused() {
        for (String name : new String[] {"COUNTY", "COUNTY-0", "COUNTY-4", "TOWN-1", "COUNTY-1-2", "COUNTY-x", "-1"}) {
            assertThatThrownBy(() -> peers.convert(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anAsOfThatIsNoDateStandsForNow() {
        assertThat(DashboardController.day("2024-03-31")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DashboardController.day("2020-13-45")).isNull();
        assertThat(DashboardController.day("2023-02-29")).isNull();
        assertThat(DashboardController.day("garbage")).isNull();
        assertThat(DashboardController.day("")).isNull();
        assertThat(DashboardController.day(null)).isNull();
    }
}
