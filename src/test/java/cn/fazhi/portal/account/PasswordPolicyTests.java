package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongUncommonPasswordPasses() {
        assertThat(policy.violations("demo-clerk", "Luxi-fazhi-2026")).isEmpty();
    }

    @Test
    void tooShortIsRefusedFirst() {
        assertThat(policy.violations("demo-clerk", "Ab3$xyz9")).containsExactly("password.tooShort");
        assertThat(policy.violations("demo-clerk", null)).containsExactly("password.tooShort");
        // ten Chinese characters are ten characters
        assertThat(policy.violations("demo-clerk", "泸西县法治政府建设好")).isEmpty();
    }

    @Test
    void theUsernameMayNotBeInIt() {
        assertThat(policy.violations("luxi-clerk", "LUXI-CLERK-2026")).contains("password.containsUsername");
    }

    @Test
    void commonAndTrivialPasswordsAreRefused() {
        assertThat(policy.violations("x-user", "1234567890")).contains("password.common");
        assertThat(policy.violations("x-user", "QwertyUiop")).contains("password.common");
        assertThat(policy.violations("x-user", "aaaaaaaaaaaa")).contains("password.common");
        assertThat(policy.violations("x-user", "ababababab")).contains("password.common");
    }

    @Test
    void absurdlyLongIsRefused() {
        assertThat(policy.violations("x-user", "Ab3-".repeat(40))).contains("password.tooLong");
        // bcrypt reads 72 bytes: 25 Chinese characters are 75
        assertThat(policy.violations("x-user", "法治政府建设监测平台泸西县鲁甸县昌宁县栾川县青山区")).contains("password.tooLong");
    }
}
