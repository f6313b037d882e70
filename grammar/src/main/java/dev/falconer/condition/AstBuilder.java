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
        // one pass over the children: ANTLR's accessors scan them again on every call
        int nots = 0;
        Token keyword = null;
        Token notParen = null;
        OrExprContext paren = null;
        CheckContext check = null;
        for (ParseTree c : children(ctx)) {
            if (c instanceof TerminalNode t) {
                int type = t.getSymbol().getType();
                if (type == FalcoCondition.NOT) {
                    nots++;
                    keyword = t.getSymbol();
                } else if (type == FalcoCondition.NOT_PAREN && notParen == null) {
                    notParen = t.getSymbol();
                }
            } else if (c instanceof OrExprContext o) {
                paren = paren == null ? o : paren;
            } else if (c instanceof CheckContext k) {
                check = check == null ? k : check;
            }
        }
        BoolExpr child = paren != null ? or(paren) : check != null ? check(check) : null;
        if (notParen != null) {
            nots++;
            keyword = notParen;
        }
        if (nots % 2 == 0 || child == null) {
            return child;
        }
        int k = keyword.getStartIndex();
        return new Not(child, new Span(k, k + 3), span(ctx));
    }

    private static BoolExpr check(CheckContext ctx) {
        OrExprContext paren = null;
        Token ident = null;
        OperandContext operand = null;
        CheckTailContext tail = null;
        for (ParseTree c : children(ctx)) {
            if (c instanceof OrExprContext o) {
                paren = paren == null ? o : paren;
            } else if (c instanceof TerminalNode t) {
                ident = ident == null && t.getSymbol().getType() == FalcoCondition.IDENT ? t.getSymbol() : ident;
            } else if (c instanceof OperandContext o) {
                operand = operand == null ? o : operand;
            } else if (c instanceof CheckTailContext t) {
                tail = tail == null ? t : tail;
            }
        }
        if (paren != null) {
            return or(paren);
        }
        if (ident != null) {
            return new MacroRef(ident.getText(), tokenSpan(ident));
        }
        Operand left = operand(operand);
        if (left == null) {
            return null;
        }
        return tail == null ? new Check(left, null, null, null, null, null, span(ctx)) : checkWithTail(left, tail, ctx);
    }

    /** A check with what follows its operand: {@code exists}, or an operator, its modifier and its right side. */
    private static BoolExpr checkWithTail(Operand left, CheckTailContext tail, CheckContext ctx) {
        Token exists = null;
        Token numOp = null;
        Token strOp = null;
        Token listOp = null;
        Token modifier = null;
        ParserRuleContext rhs = null;
        for (ParseTree c : children(tail)) {
            if (c instanceof TerminalNode t) {
                Token symbol = t.getSymbol();
                switch (symbol.getType()) {
                    case FalcoCondition.EXISTS -> exists = exists == null ? symbol : exists;
                    case FalcoCondition.NUM_OP -> numOp = numOp == null ? symbol : numOp;
                    case FalcoCondition.STR_OP -> strOp = strOp == null ? symbol : strOp;
                    case FalcoCondition.LIST_OP -> listOp = listOp == null ? symbol : listOp;
                    case FalcoCondition.MODIFIER -> modifier = modifier == null ? symbol : modifier;
                    default -> {
                    }
                }
            } else if (c instanceof ParserRuleContext r) {
                // the grammar gives a tail one right side at most
                rhs = rhs == null ? r : rhs;
            }
        }
        if (exists != null) {
            return new Exists(left, tokenSpan(exists), span(ctx));
        }
        Operator op = null;
        Span opSpan = null;
        Token opToken = numOp != null ? numOp : strOp != null ? strOp : listOp;
        if (opToken != null && isReal(opToken)) {
            op = OPERATORS.get(opToken.getText());
            opSpan = tokenSpan(opToken);
        }
        Modifier mod = modifier == null ? null : MODIFIERS.get(modifier.getText());
        Span modSpan = modifier == null ? null : tokenSpan(modifier);
        Rhs right = rhs instanceof NumRhsContext n ? numRhs(n)
                : rhs instanceof StrRhsContext s ? strRhs(s)
                : rhs instanceof ListRhsContext l ? listRhs(l)
                : rhs instanceof ListOrTransformerRhsContext l ? listOrTransformerRhs(l)
                : null;
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
        List<ParseTree> children = children(ctx);
        List<Value> values = new ArrayList<>(children.size() / 2);
        for (ParseTree c : children) {
            if (c instanceof ListValueContext v) {
                Value value = listValue(v);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return new ValueList(values, span(ctx));
    }

    /** A quoted or bare item: its first quoted token, else its first bare one. */
    private static Value listValue(ListValueContext ctx) {
        Token bare = null;
        for (ParseTree c : children(ctx)) {
            if (c instanceof TerminalNode t) {
                int type = t.getSymbol().getType();
                if (type == FalcoCondition.QUOTED) {
                    return value(t.getSymbol(), Value.Kind.QUOTED);
                }
                bare = bare == null && type == FalcoCondition.BARE ? t.getSymbol() : bare;
            }
        }
        return bare == null ? null : value(bare, Value.Kind.BARE);
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
