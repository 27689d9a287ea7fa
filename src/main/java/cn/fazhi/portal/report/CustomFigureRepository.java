package cn.fazhi.portal.report;

import cn.fazhi.portal.report.internal.CustomFigure;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface CustomFigureRepository extends Repository<CustomFigure, Long> {

    /** Saved on its own (not only through the report) so that its id is known for the audit log. */
    CustomFigure save(CustomFigure figure);

    @Query("select distinct f.unit from CustomFigure f order by f.unit")
    List<String> findUnits();
}
