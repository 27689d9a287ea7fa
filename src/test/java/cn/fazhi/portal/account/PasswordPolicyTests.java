package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.account.internal.PasswordPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    /** The passwords the hardening probe (issue 16, L3) got accepted. */
    @ParameterizedTest
    @ValueSource(strings = {"Password1!", "P@ssw0rd2026", "Welcome@123", "Qwerty@123", "Passw0rd!!", "demo-pass-2026"})
    void theProbesWeakPasswordsAreRefused(String weak) {
        assertThat(policy.violations("probe-user", weak)).isNotEmpty();
    }

    @Test
    void eachWeakPasswordIsRefusedForItsOwnReason() {
        assertThat(policy.violations("x-user", "Password1!")).containsExactly("password.tooShort");
        assertThat(policy.violations("x-user", "demo-pass-2026")).contains("password.containsDemoPassword");
        // twelve characters and more: the strength estimate and the list catch what the length lets through
        assertThat(policy.violations("x-user", "P@ssw0rd2026"))
                .isNotEmpty()
                .allMatch(k -> k.startsWith("password.weak"));
        assertThat(policy.violations("x-user", "Welcome@1234")).isNotEmpty();
        // a common password with digits and symbols around it
        assertThat(policy.violations("x-user", "#Sunsh1ne#2026!")).containsExactly("password.weak.similar");
        assertThat(policy.violations("x-user", "Qwerty@12345")).isNotEmpty();
        assertThat(policy.violations("x-user", "Passw0rd!!2026")).isNotEmpty();
        assertThat(policy.violations("x-user", "Demo-Pass-2026!x")).contains("password.containsDemoPassword");
    }

    @Test
    void aLongUncommonPasswordPasses() {
        assertThat(policy.violations("demo-clerk", "Lantern-river-quietly-47")).isEmpty();
        assertThat(policy.violations("demo-clerk", "泸西县的红土地与阿庐古洞")).isEmpty();
    }

    @Test
    void tooShortIsRefusedFirst() {
        assertThat(policy.violations("demo-clerk", "Ab3$xyz9kQ!")).containsExactly("password.tooShort");
        assertThat(policy.violations("demo-clerk", null)).containsExactly("password.tooShort");
        assertThat(policy.violations("demo-clerk", "泸西县红土地阿庐古")).containsExactly("password.tooShort");
    }

    @Test
    void theUsernameMayNotBeInIt() {
        assertThat(policy.violations("luxi-clerk", "LUXI-CLERK-lantern-river")).contains("password.containsUsername");
        assertThat(policy.violations("luxi-clerk", "lantern.luxiclerk.river")).contains("password.containsUsername");
    }

    @Test
    void thePortalsNameMayNotBeInIt() {
        assertThat(policy.violations("x-user", "法治政府建设监测平台真好")).contains("password.containsPortalName");
        assertThat(policy.violations("x-user", "Ludian-fazhi-river-77")).contains("password.containsPortalName");
        assertThat(policy.violations("x-user", "Lantern-F4-Zh1-river")).contains("password.containsPortalName");
        assertThat(policy.violations("x-user", "lantern-fzzf-river-77")).contains("password.containsPortalName");
    }

    @Test
    void commonAndTrivialPasswordsAreRefused() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(10_000);
        assertThat(policy.violations("x-user", "123456789012")).isNotEmpty();
        assertThat(policy.violations("x-user", "QwertyUiopAsd")).isNotEmpty();
        assertThat(policy.violations("x-user", "aaaaaaaaaaaa")).contains("password.common");
        assertThat(policy.violations("x-user", "abababababab")).contains("password.common");
        // in zxcvbn's list of the 30,000 most common passwords (a line near its end), long enough to pass the length
        // rule
        assertThat(policy.violations("x-user", "qwertyuiopasdfgh")).isNotEmpty();
    }

    @Test
    void absurdlyLongIsRefused() {
        assertThat(policy.violations("x-user", "Ab3-".repeat(40))).contains("password.tooLong");
        // bcrypt reads 72 bytes: 25 Chinese characters are 75
        assertThat(policy.violations("x-user", "泸西县鲁甸县昌宁县栾川县青山区红土地阿庐古洞滇池洱海")).contains("password.tooLong");
    }
}
