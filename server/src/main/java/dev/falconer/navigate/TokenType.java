package dev.falconer.navigate;

/**
 * What the semantic token legend offers, all standard LSP token types so that every theme
 * colours them: fields are properties, lists variables, transformers functions.
 */
public enum TokenType {
    PROPERTY("property"), MACRO("macro"), VARIABLE("variable"), FUNCTION("function"), OPERATOR("operator"),
    KEYWORD("keyword"), STRING("string"), NUMBER("number"), PARAMETER("parameter");

    private final String lspName;

    TokenType(String lspName) {
        this.lspName = lspName;
    }

    public String lspName() {
        return lspName;
    }
}
