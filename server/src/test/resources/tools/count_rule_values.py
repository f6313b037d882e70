"""Rank the values that the official Falco rules compare against (list items and
literal right-hand sides in conditions), to choose which values get a gloss in
server/src/main/resources/dev/falconer/explain/value-glosses.json.
Usage: python3 count_rule_values.py [rules.yaml ...]   (default: ../shared corpus)
Prints "count<TAB>value", most frequent first; list, macro and rule names are skipped."""
import collections, glob, re, sys, yaml

TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|[(),]|!=|==|<=|>=|=|<|>|[^\s(),=<>!"\']+')
CMP = {'=', '==', '!=', '<', '<=', '>', '>=', 'contains', 'icontains', 'startswith', 'endswith',
       'glob', 'iglob', 'regex', 'bcontains', 'bstartswith'}
LISTOPS = {'in', 'intersects', 'pmatch'}

def unquote(t):
    return t[1:-1] if len(t) >= 2 and t[0] == t[-1] and t[0] in '"\'' else t

def condition_values(cond):
    toks = TOKEN.findall(cond)
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in CMP and i + 1 < len(toks):
            yield unquote(toks[i + 1]); i += 2; continue
        if t in LISTOPS and i + 1 < len(toks) and toks[i + 1] == '(':
            j = i + 2
            while j < len(toks) and toks[j] != ')':
                if toks[j] != ',':
                    yield unquote(toks[j])
                j += 1
            i = j + 1; continue
        i += 1

def main(paths):
    docs = []
    for p in paths:
        with open(p, encoding='utf-8') as f:
            docs.extend(x for x in (yaml.safe_load(f) or []) if isinstance(x, dict))
    names = {d.get('list') or d.get('macro') or d.get('rule') for d in docs} - {None}
    counts = collections.Counter()
    for d in docs:
        if 'list' in d:
            for it in d.get('items') or []:
                counts[unquote(str(it).strip())] += 1
        if isinstance(d.get('condition'), str):
            for v in condition_values(d['condition']):
                counts[v] += 1
    for v, n in counts.most_common():
        if v in names or len(v) < 2 or re.fullmatch(r'-?\d+', v) or v in ('true', 'false'):
            continue
        print(f'{n}\t{v}')

if __name__ == '__main__':
    main(sys.argv[1:] or sorted(glob.glob('../shared/corpus/falcosecurity/rules/rules/*.yaml')))
