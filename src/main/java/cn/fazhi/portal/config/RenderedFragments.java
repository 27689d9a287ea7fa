package cn.fazhi.portal.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Fragments of one template rendered once and kept by what they are made of: the fragment, the
 * content it shows (a view record with every text ready), the locale and the application's context
 * path. The same content gives the same markup, so a change of the data is simply another key:
 * nothing needs evicting, and what is no longer asked for ages out of a cache bounded by the
 * markups' length. For the pages whose rows cost milliseconds of template work on every request
 * while they show the same figures again and again (the dashboards' tables, the report form).
 *
 * <p>The content is the cache's key, so it must be a value (records, lists, strings, numbers) that
 * says everything the fragment shows; the fragment sees nothing but that one variable.
 */
public final class RenderedFragments {

    private final ITemplateEngine templates;
    private final String template;
    private final Cache<Key, RenderedHtml> kept;
    private final LongAdder renderings = new LongAdder();

    private record Key(String fragment, String variable, Object content, Locale locale, String contextPath) {}

    /**
     * @param template the template the fragments are taken from
     * @param maxChars what the kept markups may weigh in all: a markup weighs twice its length, for the
     *     content kept as its key is about as large
     */
    public RenderedFragments(ITemplateEngine templates, String template, long maxChars) {
        this.templates = templates;
        this.template = template;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maxChars)
                .weigher((Key key, RenderedHtml html) -> 2 * html.markup().length())
                .build();
    }

    /** The fragment showing {@code content} as {@code variable}, for the request being answered. */
    public RenderedHtml render(String fragment, String variable, Object content, Locale locale) {
        HttpServletResponse response = currentResponse();
        return render(fragment, variable, content, locale, current().getRequest(), response);
    }

    /** The response of the request being answered, which a rendering writes its links for. */
    public static HttpServletResponse currentResponse() {
        HttpServletResponse response = current().getResponse();
        if (response == null) {
            throw new IllegalStateException("fragments are rendered while a request is answered");
        }
        return response;
    }

    private static ServletRequestAttributes current() {
        if (RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes a) {
            return a;
        }
        throw new IllegalStateException("fragments are rendered while a request is answered");
    }

    /** The same, for a given request and response (links are written under the request's context path). */
    public RenderedHtml render(
            String fragment,
            String variable,
            Object content,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        return kept.get(new Key(fragment, variable, content, locale, request.getContextPath()), k -> {
            renderings.increment();
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(request, new LinksAsWritten(response));
            return new RenderedHtml(templates.process(
                    template,
                    Set.of(k.fragment()),
                    new WebContext(exchange, k.locale(), Map.of(k.variable(), k.content()))));
        });
    }

    /** How many fragments were rendered rather than found kept. */
    public long renderings() {
        return renderings.sum();
    }

    /**
     * A response that writes links as they are, never with a session id in them: the markup is
     * shared by everyone who asks for the same content (Spring Security does the same for the page).
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
