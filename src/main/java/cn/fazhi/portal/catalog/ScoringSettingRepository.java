package cn.fazhi.portal.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ScoringSettingRepository extends Repository<ScoringSetting, Integer> {

    Optional<ScoringSetting> findByYear(int year);

    List<ScoringSetting> findAll();

    ScoringSetting save(ScoringSetting setting);

    void delete(ScoringSetting setting);
}
