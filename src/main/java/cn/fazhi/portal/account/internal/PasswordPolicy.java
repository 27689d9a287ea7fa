package cn.fazhi.portal.account.internal;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * 密码规则: at least 12 characters; not one of the most common passwords; estimated by zxcvbn as at
 * least "safely unguessable" (score 3 of 4); not containing the username, the portal's name or the
 * published demo password. Returns message keys so that the form shows each reason next to the field.
 *
 * <p>The common passwords are zxcvbn's own list of the 30,000 most frequent passwords of published
 * leaks ({@code com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt} in the
 * {@code com.nulab-inc:zxcvbn} jar, MIT licence, the list of Dropbox's zxcvbn), read from the jar, plus
 * {@code account/common-passwords.txt} with long ones common in China.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes: about 24 Chinese characters in UTF-8. */
    static final int MAX_BYTES = 72;
    /** zxcvbn's 3: "safely unguessable", about 10^8 guesses or more. */
    static final int MIN_SCORE = 3;
    /** How many of the passwords a user chose last may not be chosen again. */
    static final int HISTORY = 5;

    static final String ZXCVBN_PASSWORDS = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    /** The portal's name and the short or romanised forms a user would build a password from. */
    static final List<String> PORTAL_NAMES =
            List.of("法治政府建设监测平台", "法治政府", "法治", "监测平台", "fazhi", "fzzf", "fzjc", "zhengfu", "jiance", "ruleoflaw");

    /** Published in the README for the demo accounts. */
    static final String DEMO_PASSWORD = "demo-pass-2026";

    /**
     * zxcvbn's feedback as our own message keys: the library has no Chinese and its texts would be
     * the only English on a Chinese page.
     */
    private static final Map<String, String> WARNINGS = Map.ofEntries(
            Map.entry(Feedback.DICTIONARY_WARNING_PASSWORDS_TOP10, "password.weak.common"),
            Map.entry(Feedback.DICTIONARY_WARNING_PASSWORDS_TOP100, "password.weak.common"),
            Map.entry(Feedback.DICTIONARY_WARNING_PASSWORDS_VERY_COMMON, "password.weak.common"),
            Map.entry(Feedback.DICTIONARY_WARNING_PASSWORDS_SIMILAR, "password.weak.similar"),
            Map.entry(Feedback.DICTIONARY_WARNING_ENGLISH_WIKIPEDIA_ITSELF, "password.weak.word"),
            Map.entry(Feedback.DICTIONARY_WARNING_ETC_NAMES_THEMSELVES, "password.weak.names"),
            Map.entry(Feedback.DICTIONARY_WARNING_ETC_NAMES_COMMON, "password.weak.names"),
            Map.entry(Feedback.SPATIAL_WARNING_STRAIGHT_ROWS_OF_KEYS, "password.weak.keyboard"),
            Map.entry(Feedback.SPATIAL_WARNING_SHORT_KEYBOARD_PATTERNS, "password.weak.keyboard"),
            Map.entry(Feedback.REPEAT_WARNING_LIKE_AAA, "password.weak.repeat"),
            Map.entry(Feedback.REPEAT_WARNING_LIKE_ABCABCABC, "password.weak.repeat"),
            Map.entry(Feedback.SEQUENCE_WARNING_LIKE_ABCOR6543, "password.weak.sequence"),
            Map.entry(Feedback.REGEX_WARNING_RECENT_YEARS, "password.weak.dates"),
            Map.entry(Feedback.DATE_WARNING_DATES, "password.weak.dates"));

    /** Makes zxcvbn's feedback hand back its keys instead of its English texts. */
    private static final ResourceBundle KEYS = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

    private final Set<String> common = new HashSet<>();
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public PasswordPolicy() {
        read(new ClassPathResource(ZXCVBN_PASSWORDS, Zxcvbn.class.getClassLoader()));
        read(new ClassPathResource("account/common-passwords.txt"));
    }

    private void read(ClassPathResource list) {
        try (InputStream in = list.getInputStream();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many common passwords are known: the policy promises at least 10,000. */
    public int commonPasswordCount() {
        return common.size();
    }

    /** The message keys of every rule the password breaks; empty when it is acceptable. */
    public List<String> violations(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("password.tooShort");
            return problems;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("password.tooLong");
            // zxcvbn's time grows with the length: nothing longer is worth estimating
            return problems;
        }
        List<String> forms = forms(password);
        if (username != null && !username.isBlank() && containsAny(forms, username.trim())) {
            problems.add("password.containsUsername");
        }
        if (PORTAL_NAMES.stream().anyMatch(name -> containsAny(forms, name))) {
            problems.add("password.containsPortalName");
        }
        if (containsAny(forms, DEMO_PASSWORD)) {
            problems.add("password.containsDemoPassword");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)
                || common.contains(plain(lower))
                || lower.chars().distinct().count() < 4) {
            problems.add("password.common");
        } else if (isCommonWithAffixes(lower)) {
            problems.add("password.weak.similar");
        }
        if (problems.isEmpty()) {
            List<String> inputs = new ArrayList<>(PORTAL_NAMES);
            inputs.add(DEMO_PASSWORD);
            if (username != null && !username.isBlank()) {
                inputs.add(username.trim());
            }
            Strength strength = zxcvbn.measure(password, inputs);
            if (strength.getScore() < MIN_SCORE) {
                String warning = strength.getFeedback().withResourceBundle(KEYS).getWarning();
                problems.add(WARNINGS.getOrDefault(warning, "password.weak"));
            }
        }
        return problems;
    }

    /**
     * A common password with digits or symbols around it ("Welcome@1234", "P@ssw0rd2026"): what lies
     * between the first and the last letter, substitutions undone, is in the list.
     */
    private boolean isCommonWithAffixes(String lower) {
        int first = 0;
        int last = lower.length();
        while (first < last && !Character.isLetter(lower.charAt(first))) {
            first++;
        }
        while (last > first && !Character.isLetter(lower.charAt(last - 1))) {
            last--;
        }
        String core = lower.substring(first, last);
        return core.length() >= 4
                && (common.contains(core) || common.contains(unleet(core, 'i')) || common.contains(unleet(core, 'l')));
    }

    /**
     * The password as written, without the separators, and with the usual substitutions undone
     * (both readings of 1), so that "Fa-Zhi" and "f4zh1" contain "fazhi".
     */
    private static List<String> forms(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        return List.of(lower, plain(lower), plain(unleet(lower, 'i')), plain(unleet(lower, 'l')));
    }

    private static boolean containsAny(List<String> forms, String word) {
        String plainWord = plain(word.toLowerCase(Locale.ROOT));
        if (plainWord.isEmpty()) {
            return false;
        }
        return forms.stream().anyMatch(f -> f.contains(plainWord));
    }

    /** Letters (any script) and digits only. */
    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String unleet(String text, char one) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(
                    switch (c) {
                        case '4', '@' -> 'a';
                        case '3' -> 'e';
                        case '1', '!' -> one;
                        case '0' -> 'o';
                        case '5', '$' -> 's';
                        case '7' -> 't';
                        default -> c;
                    });
        }
        return out.toString();
    }
}
