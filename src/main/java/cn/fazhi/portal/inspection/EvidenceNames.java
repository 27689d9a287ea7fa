package cn.fazhi.portal.inspection;

import java.text.Normalizer;

/**
 * The name an evidence file is kept and offered under. A name with a path in it (a slash, a
 * backslash, "..") or control characters is refused rather than guessed at; characters Windows
 * does not allow in names are replaced; an overlong name is shortened, keeping its extension.
 */
final class EvidenceNames {

    private EvidenceNames() {
    }

    static String checked(String original, int maxLength) {
        if (original == null || original.isBlank()) {
            throw new InspectionInputException("file", "inspection.evidenceNoName");
        }
        String name = Normalizer.normalize(original.strip(), Normalizer.Form.NFC);
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.startsWith(".")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InspectionInputException("file", "inspection.evidenceBadName");
        }
        name = name.replaceAll("[<>:\"|?*]", "_");
        if (name.length() > maxLength) {
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 || name.length() - dot > 10 ? "" : name.substring(dot);
            name = name.substring(0, maxLength - extension.length()) + extension;
        }
        return name;
    }
}
