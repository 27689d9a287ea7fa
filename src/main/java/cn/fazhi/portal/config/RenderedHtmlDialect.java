package cn.fazhi.portal.config;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code portal:body="${…}"}: an element's body is markup a template rendered earlier
 * ({@link RenderedHtml}: the dashboards' table bodies, the report form's rows, kept by {@link RenderedFragments}), inserted as it is and not read as a
 * template again, so that a {@code [[…]]} in a county's name stays text. Unlike {@code th:utext} it
 * takes nothing but a {@link RenderedHtml}: a string, whatever it holds, is refused. Spring Boot
 * adds every dialect bean to the template engine.
 */
@Component
class RenderedHtmlDialect extends AbstractProcessorDialect {

    static final String PREFIX = "portal";

    RenderedHtmlDialect() {
        super("Portal", PREFIX, 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new BodyProcessor(dialectPrefix));
    }

    static final class BodyProcessor extends AbstractAttributeTagProcessor {

        BodyProcessor(String dialectPrefix) {
            super(TemplateMode.HTML, dialectPrefix, null, false, "body", true, 1000, true);
        }

        @Override
        protected void doProcess(
                ITemplateContext context,
                IProcessableElementTag tag,
                AttributeName attributeName,
                String attributeValue,
                IElementTagStructureHandler structureHandler) {
            Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
                    .parseExpression(context, attributeValue)
                    .execute(context);
            if (!(value instanceof RenderedHtml rendered)) {
                throw new TemplateProcessingException(
                        "portal:body takes only markup a template rendered (RenderedHtml), not "
                                + (value == null ? "null" : value.getClass().getName()));
            }
            structureHandler.setBody(rendered.markup(), false);
        }
    }
}
