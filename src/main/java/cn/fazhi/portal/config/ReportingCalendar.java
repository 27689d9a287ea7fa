package cn.fazhi.portal.config;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Which year counties report now: in the reporting season (January to March) the year just ended. */
@Component
public class ReportingCalendar {

    private final Clock clock;

    ReportingCalendar(Clock clock) {
        this.clock = clock;
    }

    public int reportingYear() {
        return today().getYear() - 1;
    }

    /** Today in China. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
