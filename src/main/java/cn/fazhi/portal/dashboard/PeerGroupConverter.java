package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.dashboard.PeerGroups.Group;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A peer group (同类组) as a page's filter names it, "COUNTY-2" for a county of the middle tercile,
 * read at the web edge: the dashboards take a {@link Group}. A blank name is none (every county);
 * a name that is no group is a request no page sends, refused as a bad request (400) before any
 * dashboard is computed. Boot adds every converter bean to the pages' conversion service.
 */
@Component
class PeerGroupConverter implements Converter<String, Group> {

    @Override
    public Group convert(String name) {
        if (name.isBlank()) {
            return null;
        }
        String[] parts = name.strip().split("-");
        if (parts.length != 2 || !parts[1].matches("[1-3]")) {
            throw new IllegalArgumentException("no such peer group: " + name);
        }
        // valueOf refuses any other kind with an IllegalArgumentException too
        return new Group(PeerGroups.Kind.valueOf(parts[0]), Integer.parseInt(parts[1]));
    }
}
