package cn.fazhi.portal.report.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ReportingPeriodRepository extends Repository<ReportingPeriod, Integer> {

    ReportingPeriod save(ReportingPeriod period);

    Optional<ReportingPeriod> findById(Integer year);

    List<ReportingPeriod> findAllByOrderByYearDesc();
}
