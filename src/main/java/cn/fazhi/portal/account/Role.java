package cn.fazhi.portal.account;

/**
 * COUNTY_STAFF: clerk of a county justice bureau (县司法局), scoped to one county.
 * REVIEWER: staff of a provincial or prefectural rule-of-law office, scoped to a province, a
 * prefecture, or the whole country. ADMIN: system administrator.
 */
public enum Role {
    COUNTY_STAFF,
    REVIEWER,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
