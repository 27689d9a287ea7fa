package cn.fazhi.portal.account.internal;

import java.time.Instant;

/**
 * 登录失败记录: the failed logins of an account from one client address, as the administrator sees them.
 *
 * @param nextAttemptAt when that address may try this account again; null when it may try now
 */
public record LoginFailureRow(String address, int failures, Instant lastFailedAt, Instant nextAttemptAt) {}
