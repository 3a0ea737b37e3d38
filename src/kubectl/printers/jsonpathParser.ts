/**
 * Parser for kubectl's JSONPath dialect, modelled on
 * staging/src/k8s.io/client-go/util/jsonpath/parser.go: text outside `{...}` is literal,
 * actions hold fields (`.a.b`, `['a.b']`), array slices (`[0]`, `[1:3]`, `[*]`), filters
 * (`[?(@.x=="y")]`), recursive descent (`..x`), wildcards (`.*`), unions (`[0,1]`),
 * quoted text (`{"\n"}`) and the `range`/`end` identifiers. Error texts are upstream's.
 */

/** ArrayParams are the [start:end:step] parameters of an array node (ParamsEntry). */
export interface ArrayParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** JSONPathNode is one parsed node. */
export type JSONPathNode =
  | { type: 'list'; nodes: JSONPathNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [ArrayParam, ArrayParam, ArrayParam] }
  | { type: 'filter'; left: JSONPathNode; right: JSONPathNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JSONPathNode[] }
  | { type: 'identifier'; name: string };

const isTerminator = (r: string | undefined) => r === undefined || ' \t\r\n.,[]$@{}'.includes(r);
const isAlphaNumeric = (r: string | undefined) => r !== undefined && /[\p{L}\p{N}_]/u.test(r);
const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

/** unquoteExtend is UnquoteExtend: Go string unquoting that also accepts single quotes. */
function unquoteExtend(quoted: string): string {
  let body = quoted.slice(1, -1);
  if (quoted.startsWith("'")) body = body.replaceAll("\\'", "'").replaceAll('"', '\\"');
  try {
    return JSON.parse(`"${body.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\([abv])/g, (_, c) => ({ a: '\\u0007', b: '\\b', v: '\\u000b' })[c as 'a' | 'b' | 'v'])}"`);
  } catch {
    throw new Error(`unquote string ${quoted} error invalid syntax`);
  }
}

class Parser {
  private pos = 0;
  private start = 0;
  readonly root: JSONPathNode & { type: 'list' } = { type: 'list', nodes: [] };

  constructor(private readonly input: string) {}

  private next(): string | undefined {
    if (this.pos >= this.input.length) {
      this.pos++;
      return undefined;
    }
    const ch = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    this.pos += ch.length;
    return ch;
  }
  private backup(): void {
    this.pos--;
    if (this.pos > 0 && this.pos < this.input.length && /[\uDC00-\uDFFF]/.test(this.input[this.pos]) && /[\uD800-\uDBFF]/.test(this.input[this.pos - 1])) this.pos--;
  }
  private peek(): string | undefined {
    const r = this.next();
    this.backup();
    return r;
  }
  private consume(): string {
    const text = this.input.slice(this.start, Math.min(this.pos, this.input.length));
    this.start = this.pos;
    return text;
  }

  parse(): void {
    this.parseText(this.root);
  }

  private parseText(cur: JSONPathNode & { type: 'list' }): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const list: JSONPathNode & { type: 'list' } = { type: 'list', nodes: [] };
        cur.nodes.push(list);
        return this.parseInsideAction(list);
      }
      if (this.next() === undefined) break;
    }
    this.pos = Math.min(this.pos, this.input.length);
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
  }

  private parseInsideAction(cur: JSONPathNode & { type: 'list' }): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        return this.parseText(this.root);
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new Error('invalid multiple recursive descent');
        this.pos += 2;
        this.consume();
        cur.nodes.push({ type: 'recursive' });
        if (isAlphaNumeric(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === undefined || r === '\r' || r === '\n') throw new Error('unclosed action');
      if (r === ' ' || r === '@' || r === '$') {
        this.consume();
      } else if (r === '[') {
        this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
      } else if (r === '.') {
        this.parseField(cur);
      } else if (r === '+' || r === '-' || /\d/.test(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        const cp = r.codePointAt(0)!;
        throw new Error(`unrecognized character in action: U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${r}'`);
      }
    }
  }

  private parseField(cur: JSONPathNode & { type: 'list' }): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replaceAll('\\', '') });
  }

  private parseArray(cur: JSONPathNode & { type: 'list' }): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new Error('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', nodes: parts.map((p) => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.nodes.push({ type: 'field', name: dict[1] });
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new Error(`invalid array index ${text}`);
    const params: ArrayParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        params.push(i > 0 && v === '' ? { value: 0, known: false, derived: false } : { value: Number(v), known: true, derived: false });
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.nodes.push({ type: 'array', params: params as [ArrayParam, ArrayParam, ArrayParam] });
  }

  private parseFilter(cur: JSONPathNode & { type: 'list' }): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new Error('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) {
        break;
      }
    }
    if (this.next() !== ']') throw new Error('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, operator: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
  }

  private parseQuote(cur: JSONPathNode & { type: 'list' }, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new Error('unterminated quoted string');
      if (r === '\\') {
        const e = this.next();
        if (e !== undefined && e !== '\n') continue;
        break;
      }
      if (r === quote) break;
    }
    cur.nodes.push({ type: 'text', text: unquoteExtend(this.consume()) });
  }

  private parseNumber(cur: JSONPathNode & { type: 'list' }): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !(c !== undefined && /\d/.test(c))) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[-+]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (!Number.isNaN(Number(value)) && value !== '') cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new Error(`cannot parse number ${value}`);
  }

  private parseIdentifier(cur: JSONPathNode & { type: 'list' }): void {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) cur.nodes.push({ type: 'bool', value: true });
    else if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) cur.nodes.push({ type: 'bool', value: false });
    else cur.nodes.push({ type: 'identifier', name: value });
  }
}

function parseAction(text: string): JSONPathNode & { type: 'list' } {
  return parseJSONPath(`{${text}}`);
}

/** parseJSONPath parses a template into its root list node; it throws Error with upstream's message on bad input. */
export function parseJSONPath(template: string): JSONPathNode & { type: 'list' } {
  const parser = new Parser(template);
  parser.parse();
  return parser.root;
}
