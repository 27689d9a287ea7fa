package cn.fazhi.portal.inspection.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The kinds of evidence file a county may attach, as recognised from their content, with the
 * content type they are served with (never one a browser would run) and the names they may bear.
 */
public enum EvidenceType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls");

    private final MediaType mediaType;
    private final List<String> extensions;

    EvidenceType(String mediaType, String... extensions) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.extensions = List.of(extensions);
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public boolean fitsName(String fileName) {
        return extensionOf(fileName).filter(extensions::contains).isPresent();
    }

    /** The type a file name claims, if it claims one of ours. */
    static Optional<EvidenceType> claimedBy(String fileName) {
        return extensionOf(fileName)
                .flatMap(ext -> Arrays.stream(values())
                        .filter(t -> t.extensions.contains(ext))
                        .findFirst());
    }

    private static Optional<String> extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0
                ? Optional.empty()
                : Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
