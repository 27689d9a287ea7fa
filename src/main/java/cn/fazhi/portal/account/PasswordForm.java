package cn.fazhi.portal.account;

import jakarta.validation.constraints.NotBlank;

/** Changing one's own password: the current one, and the new one twice. */
record PasswordForm(
        @NotBlank(message = "{password.currentRequired}") String currentPassword,
        @NotBlank(message = "{password.newRequired}") String newPassword,
        @NotBlank(message = "{password.confirmRequired}") String confirmPassword) {

    static PasswordForm empty() {
        return new PasswordForm("", "", "");
    }
}
