package dev.falconer.condition;

/**
 * A visitor over the condition AST. Every method defaults to {@link #visitNode(Node)}, so an
 * implementation overrides only the node kinds it cares about; {@link #visit(Node)} dispatches.
 * Visiting children is up to the implementation (see {@link AstWalker#children(Node)}).
 */
public interface AstVisitor<R> {

    default R visit(Node node) {
        if (node instanceof And n) {
            return visitAnd(n);
        } else if (node instanceof Or n) {
            return visitOr(n);
        } else if (node instanceof Not n) {
            return visitNot(n);
        } else if (node instanceof MacroRef n) {
            return visitMacroRef(n);
        } else if (node instanceof Exists n) {
            return visitExists(n);
        } else if (node instanceof Check n) {
            return visitCheck(n);
        } else if (node instanceof FieldRef n) {
            return visitFieldRef(n);
        } else if (node instanceof FieldArg n) {
            return visitFieldArg(n);
        } else if (node instanceof Transformer n) {
            return visitTransformer(n);
        } else if (node instanceof TransformerList n) {
            return visitTransformerList(n);
        } else if (node instanceof ValueList n) {
            return visitValueList(n);
        } else if (node instanceof Value n) {
            return visitValue(n);
        }
        return visitNode(node);
    }

    /** What every unhandled node kind returns; {@code null} unless overridden. */
    default R visitNode(Node node) {
        return null;
    }

    default R visitAnd(And node) {
        return visitNode(node);
    }

    default R visitOr(Or node) {
        return visitNode(node);
    }

    default R visitNot(Not node) {
        return visitNode(node);
    }

    default R visitMacroRef(MacroRef node) {
        return visitNode(node);
    }

    default R visitExists(Exists node) {
        return visitNode(node);
    }

    default R visitCheck(Check node) {
        return visitNode(node);
    }

    default R visitFieldRef(FieldRef node) {
        return visitNode(node);
    }

    default R visitFieldArg(FieldArg node) {
        return visitNode(node);
    }

    default R visitTransformer(Transformer node) {
        return visitNode(node);
    }

    default R visitTransformerList(TransformerList node) {
        return visitNode(node);
    }

    default R visitValueList(ValueList node) {
        return visitNode(node);
    }

    default R visitValue(Value node) {
        return visitNode(node);
    }
}
