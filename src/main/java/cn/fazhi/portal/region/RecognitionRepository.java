package cn.fazhi.portal.region;

import java.util.List;
import org.springframework.data.repository.Repository;

interface RecognitionRepository extends Repository<Recognition, Long> {

    Recognition save(Recognition recognition);

    List<Recognition> findByCountyCodeOrderByYearDescTitle(String countyCode);

    boolean existsByCountyCodeAndTitle(String countyCode, String title);
}
