package dev.falconer.condition;

import dev.falconer.condition.FalcoCondition.AndExprContext;
import dev.falconer.condition.FalcoCondition.CheckContext;
import dev.falconer.condition.FalcoCondition.CheckTailContext;
import dev.falconer.condition.FalcoCondition.FieldArgContext;
import dev.falconer.condition.FalcoCondition.FieldContext;
import dev.falconer.condition.FalcoCondition.ListOrTransformerRhsContext;
import dev.falconer.condition.FalcoCondition.ListRhsContext;
import dev.falconer.condition.FalcoCondition.ListValueContext;
import dev.falconer.condition.FalcoCondition.NotExprContext;
import dev.falconer.condition.FalcoCondition.NumRhsContext;
import dev.falconer.condition.FalcoCondition.OperandContext;
import dev.falconer.condition.FalcoCondition.OrExprContext;
import dev.falconer.condition.FalcoCondition.StrRhsContext;
import dev.falconer.condition.FalcoCondition.TransformerArgContext;
import dev.falconer.condition.FalcoCondition.TransformerContext;
import dev.falconer.condition.FalcoCondition.TransformerListContext;
import dev.falconer.condition.FalcoCondition.TransformerListItemContext;
import dev.falconer.condition.FalcoCondition.ValTransformerContext;
import dev.falconer.condition.FalcoCondition.ValueListContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the parse tree into the immutable AST. It tolerates the holes that error recovery leaves
 * (a missing rule child, a conjured token): such parts become {@code null} where the AST allows it
 * ({@link Check#operator()}, {@link Check#right()}) or are left out (list items, and/or children).
 */
final class AstBuilder {
    private static final Map<String, Operator> OPERATORS = new HashMap<>();
    private static final Map<String, Modifier> MODIFIERS = new HashMap<>();

    static {
        for (Operator o : Operator.values()) {
            OPERATORS.put(o.text(), o);
        }
        for (Modifier m : Modifier.values()) {
            MODIFIERS.put(m.text(), m);
        }
    }

    private AstBuilder() {
    }

    /** The root, or null when nothing usable was parsed. */
    static BoolExpr build(OrExprContext ctx) {
        return ctx == null ? null : or(ctx);
    }

    private static BoolExpr or(OrExprContext ctx) {
        List<BoolExpr> children = new ArrayList<>(2);
        for (ParseTree c : children(ctx)) {
            BoolExpr e = c instanceof AndExprContext a ? and(a) : c instanceof OrExprContext o ? or(o) : null;
            if (e != null) {
                children.add(e);
            }
        }
        return children.size() <= 1 ? single(children) : new Or(children, span(ctx));
    }

    private static BoolExpr and(AndExprContext ctx) {
        List<BoolExpr> children = new ArrayList<>(2);
        for (ParseTree c : children(ctx)) {
            BoolExpr e = c instanceof NotExprContext nc ? not(nc) : c instanceof OrExprContext o ? or(o) : null;
            if (e != null) {
                children.add(e);
            }
        }
        return children.size() <= 1 ? single(children) : new And(children, span(ctx));
    }

    private static BoolExpr not(NotExprContext ctx) {
        BoolExpr child = ctx.orExpr() != null ? or(ctx.orExpr()) : ctx.check() != null ? check(ctx.check()) : null;
        int nots = ctx.NOT().size();
        Token keyword = nots > 0 ? ctx.NOT(nots - 1).getSymbol() : null;
        if (ctx.NOT_PAREN() != null) {
            nots++;
            keyword = ctx.NOT_PAREN().getSymbol();
        }
        if (nots % 2 == 0 || child == null) {
            return child;
        }
        int k = keyword.getStartIndex();
        return new Not(child, new Span(k, k + 3), span(ctx));
    }

    private static BoolExpr check(CheckContext ctx) {
        if (ctx.orExpr() != null) {
            return or(ctx.orExpr());
        }
        if (ctx.IDENT() != null) {
            Token t = ctx.IDENT().getSymbol();
            return new MacroRef(t.getText(), tokenSpan(t));
        }
        Operand left = operand(ctx.operand());
        if (left == null) {
            return null;
        }
        CheckTailContext tail = ctx.checkTail();
        if (tail != null && tail.EXISTS() != null) {
            return new Exists(left, tokenSpan(tail.EXISTS().getSymbol()), span(ctx));
        }
        Operator op = null;
        Span opSpan = null;
        Modifier mod = null;
        Span modSpan = null;
        Rhs right = null;
        if (tail != null) {
            TerminalNode opNode = tail.NUM_OP() != null ? tail.NUM_OP()
                    : tail.STR_OP() != null ? tail.STR_OP() : tail.LIST_OP();
            if (opNode != null && isReal(opNode.getSymbol())) {
                op = OPERATORS.get(opNode.getText());
                opSpan = tokenSpan(opNode.getSymbol());
            }
            if (tail.MODIFIER() != null) {
                mod = MODIFIERS.get(tail.MODIFIER().getText());
                modSpan = tokenSpan(tail.MODIFIER().getSymbol());
            }
            right = tail.numRhs() != null ? numRhs(tail.numRhs())
                    : tail.strRhs() != null ? strRhs(tail.strRhs())
                    : tail.listRhs() != null ? listRhs(tail.listRhs())
                    : tail.listOrTransformerRhs() != null ? listOrTransformerRhs(tail.listOrTransformerRhs())
                    : null;
        }
        return new Check(left, op, opSpan, mod, modSpan, right, span(ctx));
    }

    private static Operand operand(OperandContext ctx) {
        if (ctx == null) {
            return null;
        }
        return ctx.field() != null ? field(ctx.field()) : transformer(ctx.transformer());
    }

    private static FieldRef field(FieldContext ctx) {
        if (ctx == null || ctx.FIELD() == null || !isReal(ctx.FIELD().getSymbol())) {
            return null;
        }
        Token name = ctx.FIELD().getSymbol();
        FieldArg arg = fieldArg(ctx.fieldArg());
        Span nameSpan = tokenSpan(name);
        return new FieldRef(name.getText(), nameSpan, arg, arg == null ? nameSpan : nameSpan.union(arg.brackets()));
    }

    private static FieldArg fieldArg(FieldArgContext ctx) {
        if (ctx == null || ctx.FIELD_ARG() == null || !isReal(ctx.FIELD_ARG().getSymbol())) {
            return null;
        }
        ConditionToken arg = (ConditionToken) ctx.FIELD_ARG().getSymbol();
        Span argSpan = arg.span();
        Span brackets = new Span(ctx.LBRACK().getSymbol().getStartIndex(),
                ctx.RBRACK() != null && isReal(ctx.RBRACK().getSymbol()) ? ctx.RBRACK().getSymbol().getStopIndex() + 1
                        : argSpan.end());
        return new FieldArg(arg.value(), arg.quoted(), argSpan, brackets);
    }

    private static Transformer transformer(TransformerContext ctx) {
        if (ctx == null) {
            return null;
        }
        List<TransformerArg> args = new ArrayList<>(ctx.transformerArg().size());
        for (TransformerArgContext a : ctx.transformerArg()) {
            TransformerArg arg = transformerArg(a);
            if (arg != null) {
                args.add(arg);
            }
        }
        Token name = ctx.TRANSFORMER().getSymbol();
        return new Transformer(name.getText(), tokenSpan(name), args, fieldArg(ctx.fieldArg()), span(ctx));
    }

    private static Transformer val(ValTransformerContext ctx) {
        FieldRef f = field(ctx.field());
        Token name = ctx.VAL().getSymbol();
        return new Transformer("val", tokenSpan(name), f == null ? List.of() : List.of(f), fieldArg(ctx.fieldArg()),
                span(ctx));
    }

    private static TransformerArg transformerArg(TransformerArgContext ctx) {
        if (ctx.NUMBER() != null) {
            return number(ctx.NUMBER().getSymbol());
        }
        if (ctx.QUOTED() != null) {
            return value(ctx.QUOTED().getSymbol(), Value.Kind.QUOTED);
        }
        if (ctx.transformerList() != null) {
            return transformerList(ctx.transformerList());
        }
        if (ctx.transformer() != null) {
            return transformer(ctx.transformer());
        }
        return field(ctx.field());
    }

    private static TransformerList transformerList(TransformerListContext ctx) {
        List<TransformerArg> items = new ArrayList<>(ctx.transformerListItem().size());
        for (TransformerListItemContext i : ctx.transformerListItem()) {
            TransformerArg item = i.field() != null ? field(i.field())
                    : i.transformer() != null ? transformer(i.transformer())
                    : i.QUOTED() != null ? value(i.QUOTED().getSymbol(), Value.Kind.QUOTED)
                    : i.NUMBER() != null ? number(i.NUMBER().getSymbol()) : null;
            if (item != null) {
                items.add(item);
            }
        }
        return new TransformerList(items, span(ctx));
    }

    private static Rhs numRhs(NumRhsContext ctx) {
        if (ctx.valTransformer() != null) {
            return val(ctx.valTransformer());
        }
        if (ctx.transformer() != null) {
            return transformer(ctx.transformer());
        }
        return ctx.NUMBER() != null ? number(ctx.NUMBER().getSymbol()) : null;
    }

    private static Rhs strRhs(StrRhsContext ctx) {
        if (ctx.valTransformer() != null) {
            return val(ctx.valTransformer());
        }
        if (ctx.transformer() != null) {
            return transformer(ctx.transformer());
        }
        if (ctx.QUOTED() != null) {
            return value(ctx.QUOTED().getSymbol(), Value.Kind.QUOTED);
        }
        return ctx.BARE() != null ? value(ctx.BARE().getSymbol(), Value.Kind.BARE) : null;
    }

    private static Rhs listRhs(ListRhsContext ctx) {
        if (ctx.valueList() != null) {
            return valueList(ctx.valueList());
        }
        return ctx.IDENT() != null ? value(ctx.IDENT().getSymbol(), Value.Kind.IDENTIFIER) : null;
    }

    private static Rhs listOrTransformerRhs(ListOrTransformerRhsContext ctx) {
        if (ctx.valueList() != null) {
            return valueList(ctx.valueList());
        }
        if (ctx.valTransformer() != null) {
            return val(ctx.valTransformer());
        }
        if (ctx.transformer() != null) {
            return transformer(ctx.transformer());
        }
        return ctx.IDENT() != null ? value(ctx.IDENT().getSymbol(), Value.Kind.IDENTIFIER) : null;
    }

    private static ValueList valueList(ValueListContext ctx) {
        List<Value> values = new ArrayList<>(ctx.listValue().size());
        for (ListValueContext v : ctx.listValue()) {
            Value value = v.QUOTED() != null ? value(v.QUOTED().getSymbol(), Value.Kind.QUOTED)
                    : v.BARE() != null ? value(v.BARE().getSymbol(), Value.Kind.BARE) : null;
            if (value != null) {
                values.add(value);
            }
        }
        return new ValueList(values, span(ctx));
    }

    private static Value number(Token t) {
        String text = t.getText();
        boolean hex = text.length() > 1 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        return value(t, hex ? Value.Kind.HEX : Value.Kind.NUMBER);
    }

    private static Value value(Token t, Value.Kind kind) {
        if (!isReal(t)) {
            return null;
        }
        ConditionToken ct = (ConditionToken) t;
        return new Value(ct.value(), kind, ct.span());
    }

    private static BoolExpr single(List<BoolExpr> children) {
        return children.isEmpty() ? null : children.get(0);
    }

    private static List<ParseTree> children(ParserRuleContext ctx) {
        return ctx.children == null ? List.of() : ctx.children;
    }

    /** Tokens conjured by ANTLR's error recovery have no place in the text. */
    private static boolean isReal(Token t) {
        return t != null && t.getStartIndex() >= 0 && t.getType() != Token.EOF;
    }

    private static Span tokenSpan(Token t) {
        return new Span(t.getStartIndex(), t.getStopIndex() + 1);
    }

    /** From the rule's first token to its last real one (empty when recovery left it empty). */
    private static Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int s = start.getStartIndex();
        if (stop == null || !isReal(stop) || stop.getTokenIndex() < start.getTokenIndex()) {
            return new Span(s, s);
        }
        return new Span(s, Math.max(s, stop.getStopIndex() + 1));
    }
}
