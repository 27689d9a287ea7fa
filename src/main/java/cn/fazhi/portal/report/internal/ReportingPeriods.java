package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submission deadlines per reporting year: by law 1 March of the next year, unless an
 * administrator set another (a province may ask for its counties' reports earlier).
 */
@Service
@Transactional(readOnly = true)
public class ReportingPeriods {

    private final ReportingPeriodRepository periods;
    private final AnnualReportRepository reports;
    private final ApplicationEventPublisher events;

    ReportingPeriods(
            ReportingPeriodRepository periods, AnnualReportRepository reports, ApplicationEventPublisher events) {
        this.periods = periods;
        this.reports = reports;
        this.events = events;
    }

    public static LocalDate legalDeadline(int year) {
        return LocalDate.of(year + 1, 3, 1);
    }

    public LocalDate deadlineOf(int year) {
        return periods.findById(year)
                .map(ReportingPeriod::getSubmissionDeadline)
                .orElse(legalDeadline(year));
    }

    /** The deadlines of the given years and of every year an administrator set, newest first. */
    public Map<Integer, LocalDate> deadlines(List<Integer> years) {
        Map<Integer, LocalDate> all = new TreeMap<>(java.util.Comparator.reverseOrder());
        years.forEach(y -> all.put(y, legalDeadline(y)));
        periods.findAllByOrderByYearDesc().forEach(p -> all.put(p.getYear(), p.getSubmissionDeadline()));
        return all;
    }

    /**
     * Sets a year's deadline, for every report of that year too.
     *
     * @throws IllegalArgumentException when the deadline is not after the year it closes
     */
    @Transactional
    public void setDeadline(int year, LocalDate deadline, Viewer viewer) {
        viewer.require(Role.ADMIN);
        if (!deadline.isAfter(LocalDate.of(year, 12, 31))) {
            throw new IllegalArgumentException("deadline.beforeYearEnd");
        }
        LocalDate before = deadlineOf(year);
        periods.findById(year)
                .ifPresentOrElse(
                        p -> p.moveDeadline(deadline), () -> periods.save(new ReportingPeriod(year, deadline)));
        reports.moveDeadlines(year, deadline);
        events.publishEvent(new DeadlineSet(year, before, deadline));
    }

    // --- issue 18: publication deadline ---------------------------------------------------------

    /** By law reports are published by 1 April of the next year (China time). */
    public static LocalDate legalPublicationDeadline(int year) {
        return LocalDate.of(year + 1, 4, 1);
    }

    public LocalDate publicationDeadlineOf(int year) {
        return periods.findById(year)
                .map(ReportingPeriod::getPublicationDeadline)
                .orElse(legalPublicationDeadline(year));
    }

    /** The publication deadlines of the given years and of every year an administrator set, newest first. */
    public Map<Integer, LocalDate> publicationDeadlines(List<Integer> years) {
        Map<Integer, LocalDate> all = new TreeMap<>(java.util.Comparator.reverseOrder());
        years.forEach(y -> all.put(y, legalPublicationDeadline(y)));
        periods.findAllByOrderByYearDesc()
                .forEach(p -> all.put(
                        p.getYear(),
                        p.getPublicationDeadline() != null
                                ? p.getPublicationDeadline()
                                : legalPublicationDeadline(p.getYear())));
        return all;
    }

    /**
     * Sets a year's publication deadline.
     *
     * @throws IllegalArgumentException when the deadline is not after the year it closes
     */
    @Transactional
    public void setPublicationDeadline(int year, LocalDate deadline, Viewer viewer) {
        viewer.require(Role.ADMIN);
        if (!deadline.isAfter(LocalDate.of(year, 12, 31))) {
            throw new IllegalArgumentException("deadline.beforeYearEnd");
        }
        LocalDate before = publicationDeadlineOf(year);
        periods.findById(year).ifPresentOrElse(p -> p.movePublicationDeadline(deadline), () -> {
            ReportingPeriod period = new ReportingPeriod(year, deadlineOf(year));
            period.movePublicationDeadline(deadline);
            periods.save(period);
        });
        events.publishEvent(new PublicationDeadlineSet(year, before, deadline));
    }
}
