package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.dashboard.DashboardService.Filters;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The body rows of the dashboards' tables, rendered by their template ({@code dashboard/parts ::
 * rows}) and kept: a province's heat map has 2,000 cells and the national ranking's page 1,600, and
 * rendering them cost 25–55 ms of CPU a request, while the same figures are shown again and again
 * between two changes of the data. A rendering is kept by what it is made of (the table's content,
 * the locale, the application's context path), so the same data gives the same markup and a change
 * of the data is simply another key: nothing needs evicting, and what is no longer asked for ages
 * out of the cache, which is bounded by the markups' length.
 */
@Component
class RenderedTables {

    /**
     * What the kept bodies may weigh in all, in characters: a body weighs twice its markup's length,
     * for the table kept as its key is about as large. A province's heat map is about 200,000
     * characters, so some 40 of them; about 32 MB of a 512 MB heap at worst (two bytes a character),
     * as much as the kept scores ({@link LiveResults}).
     */
    static final long MAX_WEIGHT = 16L * 1024 * 1024;

    private final ITemplateEngine templates;
    private final Cache<Key, RenderedHtml> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Key key, RenderedHtml html) -> 2 * html.markup().length())
            .build();
    private final LongAdder renderings = new LongAdder();

    /**
     * @param fragment the fragment of {@code dashboard/parts} rendered
     * @param content what it renders (a table, a picker's options), under the fragment's variable
     * @param contextPath links are written under it ({@code @{…}})
     */
    private record Key(String fragment, String variable, Object content, Locale locale, String contextPath) {}

    RenderedTables(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * What every dashboard page shows around its tables: the filters with their pickers, the tables
     * and their bodies (the model attributes {@code dashboard/parts} reads).
     *
     * @param country the area picker's name for the whole country, in the page's language
     */
    void putFiltersAndTables(
            Model model,
            Filters filters,
            List<DashboardTable> tables,
            String country,
            HttpServletRequest request,
            Locale locale) {
        model.addAttribute("filters", filters);
        model.addAttribute("yearOptions", FilterOptions.years(filters));
        model.addAttribute("areaOptions", areaOptions(FilterOptions.areas(filters, country), request, locale));
        model.addAttribute("tables", tables);
        model.addAttribute("bodies", bodies(tables, request, locale));
    }

    /** The body of each table, by the table's name (the pages' {@code bodies}), for the request being answered. */
    Map<String, RenderedHtml> bodies(List<DashboardTable> tables, HttpServletRequest request, Locale locale) {
        HttpServletResponse response = currentResponse();
        Map<String, RenderedHtml> rendered = new LinkedHashMap<>();
        tables.forEach(t -> rendered.put(t.name(), body(t, request, response, locale)));
        return rendered;
    }

    /**
     * A picker's options, rendered once per choice and kept like the tables: the country's areas or a
     * year's indicators are hundreds of options on every page. The area picker's options (fragment
     * {@code area-options}).
     */
    RenderedHtml areaOptions(List<FilterOptions.Option> options, HttpServletRequest request, Locale locale) {
        return options("area-options", "areaOptions", options, request, locale);
    }

    /** The indicator picker's options by section (fragment {@code indicator-options}), kept likewise. */
    RenderedHtml indicatorOptions(List<FilterOptions.Group> groups, HttpServletRequest request, Locale locale) {
        return options("indicator-options", "indicatorOptions", groups, request, locale);
    }

    private RenderedHtml options(
            String fragment, String variable, List<?> options, HttpServletRequest request, Locale locale) {
        return render(
                new Key(fragment, variable, options, locale, request.getContextPath()), request, currentResponse());
    }

    /** A table's body rows, rendered for this request's context path and locale, or as kept. */
    RenderedHtml body(DashboardTable table, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return render(new Key("rows", "t", table, locale, request.getContextPath()), request, response);
    }

    private RenderedHtml render(Key key, HttpServletRequest request, HttpServletResponse response) {
        return bodies.get(key, k -> {
            renderings.increment();
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(request, new LinksAsWritten(response));
            return new RenderedHtml(templates.process(
                    "dashboard/parts",
                    Set.of(k.fragment()),
                    new WebContext(exchange, k.locale(), Map.of(k.variable(), k.content()))));
        });
    }

    private static HttpServletResponse currentResponse() {
        HttpServletResponse response =
                RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes a
                        ? a.getResponse()
                        : null;
        if (response == null) {
            throw new IllegalStateException("table bodies are rendered while a request is answered");
        }
        return response;
    }

    /** How many bodies were rendered rather than found kept. */
    long renderings() {
        return renderings.sum();
    }

    /**
     * A response that writes links as they are, never with a session id in them: the markup is
     * shared by everyone who asks for the same table (Spring Security does the same for the page).
     */
    private static final class LinksAsWritten extends HttpServletResponseWrapper {

        LinksAsWritten(HttpServletResponse response) {
            super(response);
        }

        @Override
        public String encodeURL(String url) {
            return url;
        }

        @Override
        public String encodeRedirectURL(String url) {
            return url;
        }
    }
}
