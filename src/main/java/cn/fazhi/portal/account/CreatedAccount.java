package cn.fazhi.portal.account;

/** A new account and its temporary password, shown once to the administrator. */
public record CreatedAccount(long id, String temporaryPassword) {}
