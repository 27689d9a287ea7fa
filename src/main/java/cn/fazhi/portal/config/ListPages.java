package cn.fazhi.portal.config;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

/** A page of a list already in memory, for the pager of a page that lists many rows. */
public final class ListPages {

    private ListPages() {}

    /**
     * The page a request asked for, counted from 0: the last one for a number past the end, the
     * first for anything that is no number.
     */
    public static <T> Page<T> of(List<T> rows, String page, int size) {
        int pages = Math.max(1, (rows.size() + size - 1) / size);
        int number = page != null && page.matches("\\d{1,6}") ? Math.min(Integer.parseInt(page), pages - 1) : 0;
        int from = number * size;
        return new PageImpl<>(
                rows.subList(from, Math.min(rows.size(), from + size)), PageRequest.of(number, size), rows.size());
    }
}
