package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.account.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The account form: create and edit. Every field is text, so that whatever was sent can be
 * shown back with its error. The scope is picked as province, prefecture and county;
 * which of them counts depends on the role (see AccountService).
 */
public record AccountCommand(
        @NotBlank(message = "{account.usernameRequired}")
        @Pattern(regexp = "^\\s*[A-Za-z0-9][A-Za-z0-9._-]{2,49}\\s*$", message = "{account.usernameFormat}")
        String username,

        @NotBlank(message = "{account.displayNameRequired}") @Size(max = 100, message = "{account.displayNameTooLong}")
        String displayName,

        @NotBlank(message = "{account.roleRequired}")
        @Pattern(regexp = "COUNTY_STAFF|REVIEWER|ADMIN", message = "{account.roleInvalid}")
        String role,

        String province,
        String prefecture,
        String county) {

    public static AccountCommand empty() {
        return new AccountCommand("", "", "", null, null, null);
    }

    public static AccountCommand of(AccountRow row) {
        String province = null;
        String prefecture = null;
        String county = null;
        if (row.scope() != null) {
            province = row.scope().provinceCode();
            prefecture = row.scope().prefectureCode();
            county = row.scope().isCounty() ? row.scope().code() : null;
        }
        return new AccountCommand(row.username(), row.displayName(), row.role().name(), province, prefecture, county);
    }

    /** The role chosen; the form is validated first, so it is one of the roles. */
    Role roleValue() {
        return Role.valueOf(role);
    }

    /** Whether the role chosen so far is this one (the picker asks while the form is being filled). */
    public boolean hasRole(String name) {
        return name.equals(role);
    }
}
