package cn.fazhi.portal.audit;

import cn.fazhi.portal.audit.internal.AuditQuery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

interface AuditEventSearch {

    Page<AuditEvent> search(AuditQuery query, Pageable page);
}
