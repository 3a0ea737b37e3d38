/**
 * The `-o yaml` printer, byte-compatible with kubectl v1.32.
 *
 * kubectl turns an object into JSON and then into YAML with sigs.k8s.io/yaml, whose
 * encoder is gopkg.in/yaml.v2. That gives: map keys in yaml.v2's natural order, two-space
 * indentation, sequences inside mappings not indented ("- name: x" under "containers:"),
 * `{}` and `[]` for empty collections, and Go's quoting rules (see yamlScalar.ts).
 */
import { scalarStyle, writeScalar, type Cursor } from './yamlScalar.ts';

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** yamlKeyLess is yaml.v2 keyList.Less: letters after other runes, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

/**
 * formatGoFloat renders a number as Go's strconv.FormatFloat(f, 'g', -1, 64): shortest digits,
 * switching to an exponent ("1e+06", "1.5e-05") below 1e-4 or from 1e6 upwards.
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  if (f === 0) return '0';
  const [mantissa, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function scalarText(value: Json, indent: number, cursor: Cursor, isKey: boolean): string {
  if (value === null || value === undefined) return emitPlain('null', cursor);
  if (typeof value === 'boolean') return emitPlain(String(value), cursor);
  if (typeof value === 'number') return emitPlain(Number.isInteger(value) ? String(value) : formatGoFloat(value), cursor);
  const text = String(value);
  return writeScalar(text, scalarStyle(text, isKey), indent, cursor, !isKey);
}

function emitPlain(text: string, cursor: Cursor): string {
  cursor.column += text.length;
  return text;
}

function isEmptyCollection(v: Json): string | null {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : null;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0 ? '{}' : null;
  return null;
}

class Emitter {
  out = '';
  cursor: Cursor = { column: 0 };

  private write(text: string): void {
    this.out += text;
    this.cursor.column += [...text].length;
  }

  /** newline moves to a fresh line at `indent`, unless a literal block already ended the line. */
  private newline(indent: number): void {
    if (!(this.cursor.column === 0 && this.out.endsWith('\n'))) this.out += '\n';
    this.out += ' '.repeat(indent);
    this.cursor.column = indent;
  }

  private scalar(value: Json, indent: number, isKey = false): void {
    this.out += scalarText(value, indent, this.cursor, isKey);
  }

  /** mapping writes keys at `indent`; the first key goes where the cursor is when `inline`. */
  mapping(map: { [key: string]: Json }, indent: number, inline: boolean): void {
    const keys = Object.keys(map).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
    keys.forEach((key, i) => {
      if (i > 0 || !inline) this.newline(indent);
      this.scalar(key, indent + 2, true);
      this.write(':');
      this.value(map[key], indent);
    });
  }

  /** value writes what follows "key:" for a key at column `indent`. */
  private value(v: Json, indent: number): void {
    const empty = isEmptyCollection(v);
    if (empty) return this.write(` ${empty}`);
    if (Array.isArray(v)) return this.sequence(v, indent);
    if (v !== null && typeof v === 'object') return this.mapping(v, indent + 2, false);
    this.write(' ');
    this.scalar(v, indent + 2);
  }

  /** sequence writes "- item" lines at `indent` (yaml.v2 does not indent sequences in mappings). */
  sequence(items: Json[], indent: number, inline = false): void {
    items.forEach((item, i) => {
      if (i > 0 || !inline) this.newline(indent);
      this.write('- ');
      const empty = isEmptyCollection(item);
      if (empty) this.write(empty);
      else if (Array.isArray(item)) this.sequence(item, indent + 2, true);
      else if (item !== null && typeof item === 'object') this.mapping(item, indent + 2, true);
      else this.scalar(item, indent + 2);
    });
  }

  document(v: Json): string {
    const empty = isEmptyCollection(v);
    if (empty) this.write(empty);
    else if (Array.isArray(v)) this.sequence(v, 0, true);
    else if (v !== null && typeof v === 'object') this.mapping(v, 0, true);
    else this.scalar(v, 0);
    return this.out.endsWith('\n') ? this.out : `${this.out}\n`;
  }
}

/** toYAML renders one JSON value as a YAML document, as sigs.k8s.io/yaml.Marshal does. */
export function toYAML(value: unknown): string {
  // The JSON round trip drops undefined fields exactly as kubectl's JSON step would.
  const json = JSON.parse(JSON.stringify(value ?? null)) as Json;
  return new Emitter().document(json);
}

/** listOf wraps several objects the way kubectl get prints them: a v1 List with an empty resourceVersion. */
export function listOf(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: [...items], kind: 'List', metadata: { resourceVersion: '' } };
}

/** printYAML renders objects as `kubectl get -o yaml`: one object as itself, several as a List. */
export function printYAML(objects: readonly unknown[]): string {
  return toYAML(objects.length === 1 ? objects[0] : listOf(objects));
}

/** printYAMLDocuments renders objects as separate documents joined by "---", as YAMLPrinter does for repeated prints (e.g. create -f). */
export function printYAMLDocuments(objects: readonly unknown[]): string {
  return objects.map(toYAML).join('---\n');
}
