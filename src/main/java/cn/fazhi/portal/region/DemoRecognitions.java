package cn.fazhi.portal.region;

import cn.fazhi.portal.config.DemoMode;
import cn.fazhi.portal.region.internal.RecognitionLevel;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Loads the seed counties' demonstration titles (demo/seed-recognitions.csv). */
@Component
@Profile("demo")
class DemoRecognitions implements ApplicationRunner {

    private final DemoMode demoMode;
    private final RecognitionService recognitions;

    DemoRecognitions(DemoMode demoMode, RecognitionService recognitions) {
        this.demoMode = demoMode;
        this.recognitions = recognitions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        for (CSVRecord row : DemoMode.readCsv("demo/seed-recognitions.csv")) {
            String year = row.get("year");
            recognitions.recordIfAbsent(
                    row.get("county_code"),
                    RecognitionLevel.valueOf(row.get("level")),
                    row.get("title_zh"),
                    year.isBlank() ? null : Integer.valueOf(year));
        }
    }
}
