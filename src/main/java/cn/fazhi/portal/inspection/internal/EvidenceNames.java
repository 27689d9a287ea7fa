package cn.fazhi.portal.inspection.internal;

import java.text.Normalizer;

/**
 * The name an evidence file is kept and offered under. A name with a path in it (a slash, a
 * backslash, "..") is refused rather than guessed at, and so is one with characters that make it
 * display as something else: control characters, line breaks, lone surrogates and the invisible
 * format characters (Unicode category Cf: the bidirectional overrides and isolates that make
 * "x&#x202E;gnp.pdf" read "xfdp.png", zero-width spaces and joiners, the byte order mark). Characters
 * Windows does not allow in names are replaced; an overlong name is shortened, keeping its extension.
 */
public final class EvidenceNames {

    private EvidenceNames() {}

    public static String checked(String original, int maxLength) {
        if (original == null || original.isBlank()) {
            throw new InspectionInputException("file", "inspection.evidenceNoName");
        }
        String name = Normalizer.normalize(original.strip(), Normalizer.Form.NFC);
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")) {
            throw new InspectionInputException("file", "inspection.evidenceBadName");
        }
        if (name.codePoints().anyMatch(EvidenceNames::disguising)) {
            throw new InspectionInputException("file", "inspection.evidenceInvisibleName");
        }
        name = name.replaceAll("[<>:\"|?*]", "_");
        if (name.length() > maxLength) {
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 || name.length() - dot > 10 ? "" : name.substring(dot);
            int end = maxLength - extension.length();
            // never between the two halves of a character outside the BMP
            if (Character.isLowSurrogate(name.charAt(end))) {
                end--;
            }
            name = name.substring(0, end) + extension;
        }
        return name;
    }

    /** Whether the character hides or changes how the rest of the name reads. */
    public static boolean disguising(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}
