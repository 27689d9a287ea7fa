package cn.fazhi.portal.region;

import cn.fazhi.portal.region.internal.RecognitionLevel;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The demonstration titles of a county. Public information: no scope applies. */
@Service
@Transactional(readOnly = true)
public class RecognitionService {

    private final RecognitionRepository recognitions;

    RecognitionService(RecognitionRepository recognitions) {
        this.recognitions = recognitions;
    }

    public List<RecognitionView> of(String countyCode) {
        return recognitions.findByCountyCodeOrderByYearDescTitle(countyCode).stream()
                .map(Recognition::toView)
                .toList();
    }

    /** Records a title unless the county already holds it; true when it was added. */
    @Transactional
    public boolean recordIfAbsent(String countyCode, RecognitionLevel level, String title, Integer year) {
        if (recognitions.existsByCountyCodeAndTitle(countyCode, title)) {
            return false;
        }
        recognitions.save(new Recognition(countyCode, level, title, year));
        return true;
    }
}
