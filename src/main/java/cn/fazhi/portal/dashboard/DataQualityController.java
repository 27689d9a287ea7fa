package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
import cn.fazhi.portal.dashboard.DataQualityService.Flag;
import cn.fazhi.portal.dashboard.DataQualityService.QualityPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data-quality dashboard (数据质量, reviewers and administrators): the values flagged among
 * their peers, by county and indicator, with CSV and XLSX downloads of the same table
 * ({@code format=csv|xlsx}, as on the other dashboards).
 */
@Controller
class DataQualityController {

    /** The page's one table, named in its downloads. */
    static final String TABLE = "flags";

    private final DataQualityService quality;
    private final MessageSource messages;
    private final RenderedTables rendered;

    DataQualityController(DataQualityService quality, MessageSource messages, RenderedTables rendered) {
        this.quality = quality;
        this.messages = messages;
        this.rendered = rendered;
    }

    @GetMapping("/dashboards/quality")
    String page(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletRequest request) {
        QualityPage page = quality.page(viewer, year, area);
        DashboardTable table = table(page, locale);
        rendered.putFiltersAndTables(
                model, page.filters(), List.of(table), msg(locale, "dashboard.country"), request, locale);
        model.addAttribute("exportBase", exportBase(request));
        return "dashboard/quality";
    }

    @GetMapping(value = "/dashboards/quality", params = "format")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam String format,
            @RequestParam(required = false) String table,
            Viewer viewer,
            Locale locale) {
        if (!"csv".equalsIgnoreCase(format) && !"xlsx".equalsIgnoreCase(format)) {
            throw new RuleRefusedException("a request no page sends");
        }
        if (table != null && !TABLE.equals(table)) {
            throw new NotFoundException();
        }
        QualityPage page = quality.page(viewer, year, area);
        return TableExport.download(
                table(page, locale),
                format,
                "quality-" + TABLE + "-" + page.filters().slice().fileTag());
    }

    /**
     * One row per flagged value: county, prefecture, indicator, the raw value, the value per 10,000
     * residents (per-capita indicators), the peer group with its size, the peers' median (per 10,000
     * when compared so), the modified z-score and the report's status.
     */
    DashboardTable table(QualityPage page, Locale locale) {
        int year = page.filters().year();
        List<Row> rows = page.flags().stream()
                .map(f -> {
                    String report = "/counties/" + f.county() + "/reports/" + year;
                    String indicator = page.catalog()
                            .indicator(f.indicator())
                            .map(i -> i.name(locale))
                            .orElse(f.indicator());
                    String unit = page.catalog()
                            .indicator(f.indicator())
                            .map(IndicatorDef::unit)
                            .orElse("");
                    return Row.of(
                            Cell.link(f.name(), report),
                            Cell.text(f.groupName()),
                            Cell.link(indicator, report + "#value-" + f.indicator()),
                            Cell.plain(f.raw()),
                            Cell.text(unit),
                            f.perCapita() ? Cell.number(DataQualityService.decimal(f.compared(), 2), 2) : Cell.text(""),
                            Cell.text(group(f, locale)),
                            Cell.number(DataQualityService.decimal(f.peerMedian(), 2), 2),
                            Cell.number(DataQualityService.decimal(f.z(), 1), 1),
                            Cell.text(msg(locale, "status." + f.status())));
                })
                .toList();
        return new DashboardTable(
                TABLE,
                msg(locale, "quality.table", year),
                List.of(
                        msg(locale, "quality.col.county"),
                        msg(locale, "quality.col.prefecture"),
                        msg(locale, "quality.col.indicator"),
                        msg(locale, "quality.col.value"),
                        msg(locale, "quality.col.unit"),
                        msg(locale, "quality.col.perCapita"),
                        msg(locale, "quality.col.group"),
                        msg(locale, "quality.col.median"),
                        msg(locale, "quality.col.z"),
                        msg(locale, "quality.col.status")),
                rows);
    }

    private String group(Flag f, Locale locale) {
        return msg(
                locale,
                "quality.group",
                msg(locale, "quality.kind." + f.group().kind()),
                msg(locale, "quality.tercile." + f.group().tercile()),
                f.peers());
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** This page's address with its filters, ready for "format=…&table=…" (as on the other dashboards). */
    private static String exportBase(HttpServletRequest request) {
        String query = request.getQueryString() == null
                ? ""
                : Arrays.stream(request.getQueryString().split("&"))
                        .filter(p -> !p.isEmpty()
                                && !p.startsWith("format=")
                                && !p.startsWith("table=")
                                && !p.startsWith("lang="))
                        .collect(Collectors.joining("&"));
        return request.getRequestURI().substring(request.getContextPath().length()) + "?"
                + (query.isEmpty() ? "" : query + "&");
    }
}
