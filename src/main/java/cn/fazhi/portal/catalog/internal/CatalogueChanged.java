package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 指标目录已变更: an administrator changed the catalogue (an indicator, a year's targets or a
 * validation rule). The kept catalogue editions are read again after it ({@link CatalogService}
 * listens), and the audit log keeps it.
 *
 * @param change what changed, which is the audit log's action
 * @param key the indicator's or the rule's code, or the year of the targets
 * @param before the record before the change, or null
 * @param after the record after the change (for targets, the targets that changed), or null
 */
public record CatalogueChanged(Change change, Object key, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    /** What changed, and the kind of record it changed. */
    public enum Change {
        INDICATOR_ADDED("Indicator"),
        INDICATOR_CHANGED("Indicator"),
        INDICATOR_RETIRED("Indicator"),
        INDICATOR_RESTORED("Indicator"),
        INDICATOR_DELETED("Indicator"),
        TARGETS_SET("TargetYear"),
        RULE_ADDED("ValidationRule"),
        RULE_CHANGED("ValidationRule"),
        RULE_RETIRED("ValidationRule");

        private final String entityType;

        Change(String entityType) {
            this.entityType = entityType;
        }
    }

    @Override
    public String action() {
        return change.name();
    }

    @Override
    public String entityType() {
        return change.entityType;
    }

    @Override
    public Object entityId() {
        return key;
    }
}
