/*
 * Falco's condition (filter) language, libs 0.25.x / Falco 0.44.
 *
 * This is a parser grammar: its tokens come from ConditionTokenizer, a positional token source
 * that lexes exactly like libs' hand-written parser (the language is context-sensitive: a dotted
 * word is a field on the left of an operator and a bare string on its right, `in` matches as a
 * prefix of `inmy_list`, keywords are not reserved, `and`/`or` need a blank or '(' after them...).
 * The token source decides *what* a run of characters is at its position; this grammar decides
 * how the tokens nest: precedence (not > and > or), flat n-ary and/or, parentheses, checks,
 * transformers, value lists.
 *
 * Token kinds worth a note:
 *   NOT        `not` followed by POSIX spaces (a prefix; consecutive ones fold)
 *   NOT_PAREN  the literal `not(`;  AND_PAREN `and(`;  OR_PAREN `or(`
 *   IDENT      an identifier: a macro reference in boolean position, a single value after a
 *              list operator or a modifier
 *   FIELD      a dotted field name (left side, transformer argument, inside val())
 *   FIELD_ARG  the text between [ and ] (quoted or bare)
 *   STR_OP     = == != and the word operators; NUM_OP < <= > >=; LIST_OP in intersects pmatch
 */
parser grammar FalcoCondition;

tokens {
    NOT, NOT_PAREN, AND, AND_PAREN, OR, OR_PAREN,
    LPAREN, RPAREN, COMMA, LBRACK, RBRACK,
    IDENT, FIELD, FIELD_ARG, TRANSFORMER, VAL,
    EXISTS, NUM_OP, STR_OP, LIST_OP, MODIFIER,
    NUMBER, QUOTED, BARE
}

condition
    : orExpr EOF
    ;

// `or(` embeds a whole or-expression: after its ')' only `or` may follow (as in libs).
orExpr
    : andExpr ( OR andExpr | OR_PAREN orExpr RPAREN )*
    ;

andExpr
    : notExpr ( AND notExpr | AND_PAREN orExpr RPAREN )*
    ;

notExpr
    : NOT* ( NOT_PAREN orExpr RPAREN | check )
    ;

check
    : LPAREN orExpr RPAREN
    | IDENT
    | operand checkTail
    ;

checkTail
    : EXISTS
    | NUM_OP numRhs
    | STR_OP ( MODIFIER listRhs | strRhs )
    | LIST_OP listOrTransformerRhs
    ;

operand
    : field
    | transformer
    ;

field
    : FIELD fieldArg?
    ;

fieldArg
    : LBRACK FIELD_ARG RBRACK
    ;

transformer
    : TRANSFORMER LPAREN transformerArg ( COMMA transformerArg )* RPAREN fieldArg?
    ;

valTransformer
    : VAL LPAREN field RPAREN fieldArg?
    ;

transformerArg
    : NUMBER
    | QUOTED
    | transformerList
    | transformer
    | field
    ;

transformerList
    : LPAREN ( transformerListItem ( COMMA transformerListItem )* )? RPAREN
    ;

transformerListItem
    : field
    | transformer
    | QUOTED
    | NUMBER
    ;

numRhs
    : valTransformer
    | transformer
    | NUMBER
    ;

strRhs
    : valTransformer
    | transformer
    | QUOTED
    | BARE
    ;

listRhs
    : valueList
    | IDENT
    ;

listOrTransformerRhs
    : valueList
    | valTransformer
    | transformer
    | IDENT
    ;

valueList
    : LPAREN ( listValue ( COMMA listValue )* )? RPAREN
    ;

listValue
    : QUOTED
    | BARE
    ;
