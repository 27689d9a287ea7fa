package cn.fazhi.portal.catalog;

import java.util.List;
import org.springframework.data.repository.Repository;

interface SectionRepository extends Repository<Section, String> {

    List<Section> findAllByOrderByPosition();
}
