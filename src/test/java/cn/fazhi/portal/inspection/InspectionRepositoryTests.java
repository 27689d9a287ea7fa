package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalJpaTest;
import cn.fazhi.portal.inspection.internal.FindingSeverity;
import cn.fazhi.portal.inspection.internal.FindingStatus;
import cn.fazhi.portal.inspection.internal.Inspection;
import cn.fazhi.portal.inspection.internal.InspectionKind;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalJpaTest
class InspectionRepositoryTests {

    @Autowired
    InspectionRepository inspections;

    @Autowired
    EntityManager entityManager;

    @Test
    void anInspectionKeepsItsFindings() {
        Inspection inspection = new Inspection(
                "532527",
                2024,
                InspectionKind.COMPREHENSIVE,
                LocalDate.of(2024, 5, 6),
                LocalDate.of(2024, 5, 8),
                "云南省委依法治省办",
                "张三、李四",
                "综合督察",
                null,
                Instant.now());
        inspection.addFinding(
                "行政规范性文件未按期报备", FindingSeverity.MODERATE, "RULES", "RUL_DOCS_FILED", LocalDate.of(2024, 8, 31));
        inspections.save(inspection);
        entityManager.flush();
        entityManager.clear();

        assertThat(inspections.findByCountyCodeOrderByStartedOnDesc("532527"))
                .filteredOn(i -> i.getYear() == 2024 && i.getInspectingBody().equals("云南省委依法治省办"))
                .singleElement()
                .satisfies(i -> assertThat(i.getFindings()).singleElement().satisfies(f -> {
                    assertThat(f.getStatus()).isEqualTo(FindingStatus.OPEN);
                    assertThat(f.isOverdueOn(LocalDate.of(2024, 8, 31))).isFalse();
                    assertThat(f.isOverdueOn(LocalDate.of(2024, 9, 1))).isTrue();
                }));
    }
}
