package cn.fazhi.portal.catalog.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface IndicatorTargetRepository extends Repository<IndicatorTarget, IndicatorTarget.Key> {

    IndicatorTarget save(IndicatorTarget target);

    List<IndicatorTarget> findByKeyYear(int year);

    void delete(IndicatorTarget target);

    java.util.Optional<IndicatorTarget> findByKey(IndicatorTarget.Key key);

    void deleteByKeyIndicatorCode(String indicatorCode);
}
