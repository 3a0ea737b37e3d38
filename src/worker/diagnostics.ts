/**
 * diagnostics pins the server's words to the right line of a manifest: kubectl prints an
 * error that names a field path (`spec.template.spec.containers[0].image: Required value`,
 * `strict decoding error: unknown field "spec.replica"`, `Go struct field
 * DeploymentSpec.spec.replicas of type int32`), and the editor shows it on that field's line.
 *
 * Paths use the apiserver's field.Path notation (k8s.io/apimachinery/pkg/util/validation/field
 * path.go): `.` between fields, `[0]` for list indexes, `[key]` for map keys.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../protocol/messages.ts';

/** PathSegment is one step of a field path: a field or map key, or a list index. */
export type PathSegment = string | number;

/** parseFieldPath splits `a.b[0].c[key]` into ['a', 'b', 0, 'c', 'key']. */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

/** ErrorMention is one field path a kubectl error names, with the text about it. */
export interface ErrorMention {
  path?: string;
  message: string;
  kind?: string;
  name?: string;
}

const FIELD = String.raw`[a-zA-Z$][\w-]*(?:\.[a-zA-Z$][\w-]*|\[[^\]\s]*\])*`;
/** Validation causes start a line, follow `* `, `[`, `, ` or `is invalid: `. */
const CAUSE = new RegExp(String.raw`(?:^|\* |\[|, |is invalid: )(${FIELD}): (.*?)(?=, ${FIELD}: |\]$|$)`, 'gm');
const UNKNOWN = /unknown field "([^"]+)"/g;
const GO_FIELD = /Go struct field \w+\.([\w.[\]-]+) of type (\S+)/g;
const OBJECT = /(?:The |")?([A-Z]\w*)(?:\.[\w.]+)? "([^"]+)" is invalid|([A-Z]\w*) in version "[^"]+" cannot be handled/;

/** findErrorMentions extracts the field paths (and the object) a kubectl error message names. */
export function findErrorMentions(text: string): ErrorMention[] {
  const mentions: ErrorMention[] = [];
  let kind: string | undefined;
  let name: string | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    // The object is named once, on the first line; bulleted causes follow on their own lines.
    const obj = OBJECT.exec(line);
    if (obj) [kind, name] = [obj[1] ?? obj[3], obj[2]];
    const found: ErrorMention[] = [];
    for (const m of line.matchAll(UNKNOWN)) found.push({ path: m[1], message: `unknown field "${m[1]}"`, kind });
    for (const m of line.matchAll(GO_FIELD)) found.push({ path: m[1], message: line.slice(line.indexOf('json:')).trim() || line, kind });
    if (found.length === 0) {
      for (const m of line.matchAll(CAUSE)) {
        if (/^(Error|error|Warning|warning)$/.test(m[1])) continue;
        found.push({ path: m[1], message: `${m[1]}: ${m[2]}`, kind, name });
      }
    }
    if (found.length === 0 && /error|invalid|forbidden/i.test(line)) found.push({ message: line.trim(), kind, name });
    mentions.push(...found);
  }
  return mentions.some((m) => m.path) ? mentions.filter((m) => m.path) : mentions;
}

/** diagnosticsFor maps a kubectl error to lines of the YAML it was applied from (1-based). */
export function diagnosticsFor(errorText: string, yamlText: string): Diagnostic[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(yamlText, { lineCounter });
  const list = Array.isArray(docs) ? docs : [];
  return findErrorMentions(errorText).map((m) => {
    const doc = pickDocument(list, m);
    const offset = doc && m.path ? offsetOf(doc, parseFieldPath(m.path)) : doc?.contents?.range?.[0];
    const line = offset === undefined ? 0 : lineCounter.linePos(offset).line;
    return m.path ? { line, message: m.message, path: m.path } : { line, message: m.message };
  });
}

function pickDocument(docs: Document[], m: ErrorMention): Document | undefined {
  const byName = docs.find((d) => d.get('kind') === m.kind && d.getIn(['metadata', 'name']) === m.name);
  return byName ?? docs.find((d) => d.get('kind') === m.kind) ?? docs[0];
}

/**
 * offsetOf finds where a path's field starts: the key of the deepest field that exists
 * (a missing required field is reported where its parent is written).
 */
function offsetOf(doc: Document, path: PathSegment[]): number | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best = node?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      best = (pair.key as Node).range?.[0] ?? best;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else break;
  }
  return best;
}
