package cn.fazhi.portal.catalog;

import java.util.List;
import org.springframework.data.repository.Repository;

interface IndicatorTargetRepository extends Repository<IndicatorTarget, IndicatorTarget.Key> {

    IndicatorTarget save(IndicatorTarget target);

    List<IndicatorTarget> findByKeyYear(int year);
}
