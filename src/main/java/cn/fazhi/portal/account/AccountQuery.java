package cn.fazhi.portal.account;

/**
 * The administrators' account search; every field optional.
 *
 * @param q part of the username or display name
 * @param region accounts scoped to this region or anywhere under it
 * @param status ACTIVE, DISABLED, LOCKED or MUST_CHANGE
 */
public record AccountQuery(String q, Role role, String region, String status) {
}
