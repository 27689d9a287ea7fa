package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.account.Role;

/**
 * The administrators' account search; every field optional.
 *
 * @param q part of the username or display name
 * @param region accounts scoped to this region or anywhere under it
 * @param status one of the states, or null for any
 */
public record AccountQuery(String q, Role role, String region, AccountStatus status) {}
