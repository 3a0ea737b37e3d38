/**
 * labelSelectorParser turns `a=b,c in (x,y),!d` into a Selector.
 *
 * A faithful port of the lexer and recursive-descent parser in
 * k8s.io/apimachinery/pkg/labels/selector.go, including its exact error
 * messages, because `kubectl get -l` shows them verbatim from the API server.
 */
import { goQuote } from './goFormat.ts';
import { isQualifiedName } from './nameValidation.ts';
import { newRequirement, SelectorError, sortByKey, type Operator, type Requirement, type Selector } from './labels.ts';

type Token =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

interface ScannedItem {
  tok: Token;
  lit: string;
}

const string2token: Readonly<Record<string, Token>> = {
  ')': 'ClosedPar',
  ',': 'Comma',
  '!': 'DoesNotExist',
  '==': 'DoubleEquals',
  '=': 'Equals',
  '>': 'GreaterThan',
  in: 'In',
  '<': 'LessThan',
  '!=': 'NotEquals',
  notin: 'NotIn',
  '(': 'OpenPar',
};

/** The operators named in "expected: ..." errors, in upstream's order. */
const binaryOperators = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => '=!(),><'.includes(ch) && ch !== '';

/** lex splits the input into tokens the way labels.Lexer does (operators are maximal munch). */
function lex(input: string): ScannedItem[] {
  const items: ScannedItem[] = [];
  let pos = 0;
  // NOTE: upstream reads a NUL byte as end of input; so do we.
  const read = () => (pos < input.length ? input[pos++]! : '\0');
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') {
      items.push({ tok: 'EndOfString', lit: '' });
      return items;
    }
    pos--;
    if (isSpecialSymbol(ch)) {
      let buffer = '';
      let last: ScannedItem | null = null;
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (!isSpecialSymbol(c)) {
          pos--;
          break;
        }
        buffer += c;
        const tok = string2token[buffer];
        if (tok) last = { tok, lit: buffer };
        else if (last) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: 'Error', lit: `error expected: keyword found '${buffer}'` });
    } else {
      let buffer = '';
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecialSymbol(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buffer += c;
      }
      items.push({ tok: string2token[buffer] ?? 'Identifier', lit: buffer });
    }
  }
}

/** Parser keeps upstream's lookahead/consume with the Values context that reads `in`/`notin` as identifiers. */
class Parser {
  private position = 0;

  constructor(private readonly items: ScannedItem[]) {}

  lookahead(values: boolean): ScannedItem {
    return this.contextual(this.items[this.position]!, values);
  }

  consume(values: boolean): ScannedItem {
    this.position++;
    return this.contextual(this.items[this.position - 1]!, values);
  }

  private contextual(item: ScannedItem, values: boolean): ScannedItem {
    if (values && (item.tok === 'In' || item.tok === 'NotIn')) return { tok: 'Identifier', lit: item.lit };
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      switch (tok) {
        case 'Identifier':
        case 'DoesNotExist': {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (err) {
            throw new SelectorError(`unable to parse requirement: ${(err as Error).message}`);
          }
          requirements.push(r);
          const next = this.consume(true);
          if (next.tok === 'EndOfString') return requirements;
          if (next.tok === 'Comma') {
            const after = this.lookahead(true);
            if (after.tok !== 'Identifier' && after.tok !== 'DoesNotExist') {
              throw new SelectorError(`found '${after.lit}', expected: identifier after ','`);
            }
            break;
          }
          throw new SelectorError(`found '${next.lit}', expected: ',' or 'end of string'`);
        }
        case 'EndOfString':
          return requirements;
        default:
          throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, [...values].sort());
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | undefined } {
    let operator: Operator | undefined;
    let item = this.consume(true);
    if (item.tok === 'DoesNotExist') {
      operator = '!';
      item = this.consume(true);
    }
    if (item.tok !== 'Identifier') throw new Error(`found '${item.lit}', expected: identifier`);
    const keyErrs = isQualifiedName(item.lit);
    // The parser validates with a nil field path, which Go prints as "<nil>".
    if (keyErrs.length > 0) throw new Error(`<nil>: Invalid value: ${goQuote(item.lit)}: ${keyErrs.join('; ')}`);
    const next = this.lookahead(true).tok;
    if ((next === 'EndOfString' || next === 'Comma') && operator !== '!') operator = 'exists';
    return { key: item.lit, operator };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(false);
    const ops: Partial<Record<Token, Operator>> = {
      In: 'in',
      Equals: '=',
      DoubleEquals: '==',
      GreaterThan: 'gt',
      LessThan: 'lt',
      NotIn: 'notin',
      NotEquals: '!=',
    };
    const op = ops[tok];
    if (!op) throw new Error(`found '${lit}', expected: ${binaryOperators.join(', ')}`);
    return op;
  }

  private parseValues(): Set<string> {
    const open = this.consume(true);
    if (open.tok !== 'OpenPar') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    switch (tok) {
      case 'Identifier':
      case 'Comma': {
        const s = this.parseIdentifiersList();
        // NOTE: upstream reports the token seen *before* the list here, not the bad one.
        if (this.consume(true).tok !== 'ClosedPar') throw new Error(`found '${lit}', expected: ')'`);
        return s;
      }
      case 'ClosedPar':
        this.consume(true);
        return new Set(['']);
      default:
        throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === 'Identifier') {
        s.add(lit);
        const next = this.lookahead(true);
        if (next.tok === 'Comma') continue;
        if (next.tok === 'ClosedPar') return s;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      }
      if (tok === 'Comma') {
        // "(,", ",)" and ",," all stand for the empty value.
        if (s.size === 0) s.add('');
        const next = this.lookahead(true).tok;
        if (next === 'ClosedPar') {
          s.add('');
          return s;
        }
        if (next === 'Comma') s.add('');
        continue;
      }
      throw new Error(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead(true).tok;
    if (next === 'EndOfString' || next === 'Comma') return new Set(['']);
    const { tok, lit } = this.consume(true);
    if (tok === 'Identifier') return new Set([lit]);
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

/**
 * parseSelector is labels.Parse: it accepts the full grammar
 * (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`)
 * and returns requirements sorted by key. Throws SelectorError with upstream's message.
 */
export function parseSelector(input: string): Selector {
  const requirements = new Parser(lex(input)).parse();
  return { requirements: sortByKey(requirements) };
}
