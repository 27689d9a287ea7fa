package cn.fazhi.portal.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class ComparisonConverter implements AttributeConverter<Comparison, String> {

    @Override
    public String convertToDatabaseColumn(Comparison comparison) {
        return comparison == null ? null : comparison.symbol();
    }

    @Override
    public Comparison convertToEntityAttribute(String symbol) {
        return symbol == null ? null : Comparison.ofSymbol(symbol);
    }
}
