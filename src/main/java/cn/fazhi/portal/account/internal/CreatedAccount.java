package cn.fazhi.portal.account.internal;

/** A new account and its temporary password, shown once to the administrator. */
public record CreatedAccount(long id, String temporaryPassword) {}
