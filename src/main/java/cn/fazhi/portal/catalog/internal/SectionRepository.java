package cn.fazhi.portal.catalog.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

public interface SectionRepository extends Repository<Section, String> {

    List<Section> findAllByOrderByPosition();
}
