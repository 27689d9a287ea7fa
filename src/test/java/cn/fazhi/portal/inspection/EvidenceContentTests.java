package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhi.portal.inspection.internal.EvidenceContent;
import cn.fazhi.portal.inspection.internal.EvidenceNames;
import cn.fazhi.portal.inspection.internal.EvidenceType;
import cn.fazhi.portal.inspection.internal.InspectionInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a file is, from its content; and what name it may be kept under. */
class EvidenceContentTests {

    @Test
    void acceptedKindsAreRecognisedByTheirContent() {
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.pdf())).contains(EvidenceType.PDF);
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.png())).contains(EvidenceType.PNG);
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.jpeg())).contains(EvidenceType.JPEG);
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.docx())).contains(EvidenceType.DOCX);
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.xlsx())).contains(EvidenceType.XLSX);
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.xls())).contains(EvidenceType.XLS);
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.doc())).contains(EvidenceType.DOC);
    }

    @Test
    void everythingElseIsNot() {
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.elf())).isEmpty();
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.windowsExecutable())).isEmpty();
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.plainZip())).isEmpty();
        assertThat(EvidenceFiles.typeOf(EvidenceFiles.ole2With("Something"))).isEmpty();
        assertThat(EvidenceFiles.typeOf("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EvidenceFiles.typeOf(new byte[] {1})).isEmpty();
    }

    @Test
    void theNameMustAgreeWithTheContent() {
        assertThat(EvidenceType.PDF.fitsName("整改报告.PDF")).isTrue();
        assertThat(EvidenceType.JPEG.fitsName("现场.jpg")).isTrue();
        assertThat(EvidenceType.JPEG.fitsName("现场.jpeg")).isTrue();
        assertThat(EvidenceType.PDF.fitsName("整改报告.docx")).isFalse();
        assertThat(EvidenceType.PDF.fitsName("整改报告")).isFalse();
    }

    @Test
    void namesWithAPathAreRefusedOthersAreTidied() {
        for (String bad : new String[] {
            "../../etc/passwd.pdf",
            "..\\..\\boot.ini.pdf",
            "/etc/passwd.pdf",
            "C:\\Users\\x\\a.pdf",
            ".hidden.pdf",
            "a\u0000b.pdf",
            "a\nb.pdf",
            " "
        }) {
            assertThatThrownBy(() -> EvidenceNames.checked(bad, 120))
                    .as(bad)
                    .isInstanceOf(InspectionInputException.class);
        }
        assertThat(EvidenceNames.checked("  整改<报告>:终稿?.pdf ", 120)).isEqualTo("整改_报告__终稿_.pdf");
        assertThat(EvidenceNames.checked("很".repeat(200) + ".pdf", 120))
                .hasSize(120)
                .endsWith(".pdf");
    }

    /** L4 of issue 16: 510 KB that unpack to 500 MB were accepted as a workbook. */
    @Test
    void aZipBombDressedAsAWorkbookIsRefusedWithItsOwnMessage() {
        byte[] bomb = EvidenceFiles.xlsxBomb();
        assertThat(bomb.length).isLessThan(600 * 1024);
        assertThatThrownBy(() -> EvidenceFiles.typeOf(bomb))
                .isInstanceOfSatisfying(
                        InspectionInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("inspection.evidenceUnpackedTooLarge"));
        assertThat(EvidenceFiles.container(bomb)).isEqualTo(EvidenceContent.Container.TOO_LARGE);
    }

    @Test
    void aContainerIsJudgedByWhatItUnpacksToNotByWhatItsDirectorySays() {
        assertThat(EvidenceFiles.container(EvidenceFiles.xlsxWithForgedDirectory()))
                .isEqualTo(EvidenceContent.Container.TOO_LARGE);
    }

    @Test
    void aContainerWithTooManyEntriesIsRefused() {
        assertThat(EvidenceFiles.container(EvidenceFiles.xlsxWithManyEntries()))
                .isEqualTo(EvidenceContent.Container.TOO_LARGE);
        assertThatThrownBy(() -> EvidenceFiles.typeOf(EvidenceFiles.xlsxWithManyEntries()))
                .isInstanceOf(InspectionInputException.class);
    }

    @Test
    void ordinaryOfficeFilesAreWithinTheLimits() {
        assertThat(EvidenceFiles.container(EvidenceFiles.docx())).isEqualTo(EvidenceContent.Container.WITHIN_LIMITS);
        assertThat(EvidenceFiles.container(EvidenceFiles.xlsx())).isEqualTo(EvidenceContent.Container.WITHIN_LIMITS);
        assertThat(EvidenceFiles.container(EvidenceFiles.pdf())).isEqualTo(EvidenceContent.Container.UNREADABLE);
    }

    /** Item 8 of issue 16: names that display as something else. */
    @Test
    void namesWithInvisibleOrControlCharactersAreRefused() {
        for (String bad : new String[] {
            "x\u202Egnp.pdf",
            "报告\u200B.pdf",
            "a\u2066b\u2069.pdf",
            "\uFEFF报告.pdf",
            "报\u00ADtest.pdf",
            "a\u200Db.pdf",
            "a\u2028b.pdf",
            "a\u0085b.pdf",
            "a\u0007b.pdf",
            "a\uD800b.pdf",
            "tag\uDB40\uDC41.pdf"
        }) {
            assertThatThrownBy(() -> EvidenceNames.checked(bad, 120))
                    .as("%s", bad.codePoints().toArray())
                    .isInstanceOfSatisfying(
                            InspectionInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("inspection.evidenceInvisibleName"));
        }
        assertThat(EvidenceNames.checked("整改报告（终稿）📄 2026.pdf", 120)).isEqualTo("整改报告（终稿）📄 2026.pdf");
        assertThat(EvidenceNames.checked("😀".repeat(70) + ".pdf", 120))
                .endsWith(".pdf")
                .satisfies(n -> assertThat(n.codePoints().noneMatch(EvidenceNames::disguising))
                        .isTrue());
    }
}
