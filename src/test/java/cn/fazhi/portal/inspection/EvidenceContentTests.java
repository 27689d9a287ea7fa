package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a file is, from its content; and what name it may be kept under. */
class EvidenceContentTests {

    @Test
    void acceptedKindsAreRecognisedByTheirContent() {
        assertThat(EvidenceContent.typeOf(EvidenceFiles.pdf())).contains(EvidenceType.PDF);
        assertThat(EvidenceContent.typeOf(EvidenceFiles.png())).contains(EvidenceType.PNG);
        assertThat(EvidenceContent.typeOf(EvidenceFiles.jpeg())).contains(EvidenceType.JPEG);
        assertThat(EvidenceContent.typeOf(EvidenceFiles.docx())).contains(EvidenceType.DOCX);
        assertThat(EvidenceContent.typeOf(EvidenceFiles.xlsx())).contains(EvidenceType.XLSX);
        assertThat(EvidenceContent.typeOf(EvidenceFiles.xls())).contains(EvidenceType.XLS);
        assertThat(EvidenceContent.typeOf(EvidenceFiles.doc())).contains(EvidenceType.DOC);
    }

    @Test
    void everythingElseIsNot() {
        assertThat(EvidenceContent.typeOf(EvidenceFiles.elf())).isEmpty();
        assertThat(EvidenceContent.typeOf(EvidenceFiles.windowsExecutable())).isEmpty();
        assertThat(EvidenceContent.typeOf(EvidenceFiles.plainZip())).isEmpty();
        assertThat(EvidenceContent.typeOf(EvidenceFiles.ole2With("Something"))).isEmpty();
        assertThat(EvidenceContent.typeOf("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EvidenceContent.typeOf(new byte[] {1})).isEmpty();
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
        for (String bad : new String[] {"../../etc/passwd.pdf", "..\\..\\boot.ini.pdf", "/etc/passwd.pdf",
                "C:\\Users\\x\\a.pdf", ".hidden.pdf", "a\u0000b.pdf", "a\nb.pdf", " "}) {
            assertThatThrownBy(() -> EvidenceNames.checked(bad, 120)).as(bad)
                    .isInstanceOf(InspectionInputException.class);
        }
        assertThat(EvidenceNames.checked("  整改<报告>:终稿?.pdf ", 120)).isEqualTo("整改_报告__终稿_.pdf");
        assertThat(EvidenceNames.checked("很".repeat(200) + ".pdf", 120)).hasSize(120).endsWith(".pdf");
    }
}
