/**
 * kubectl's JSONPath evaluator and the `-o jsonpath` / `-o jsonpath-as-json` printers.
 *
 * Models client-go/util/jsonpath/jsonpath.go: every `{...}` action yields a list of
 * results, printed space-separated (maps and lists as compact JSON, null as "null");
 * `{range X}...{end}` repeats its body for every result of X. Missing keys print nothing
 * unless --allow-missing-template-keys=false, as in kubectl.
 */
import { goCompactJSON, goQuote, goSharpV, sortKeys } from './goSyntax.ts';
import { parseJSONPath, type ArrayParam, type JSONPathNode } from './jsonpathParser.ts';
import { toJSON } from './json.ts';

type Value = unknown;
type Block = { kind: 'node'; node: JSONPathNode } | { kind: 'range'; over: JSONPathNode; body: Block[] };

const isMap = (v: Value): v is Record<string, Value> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** JSONPathOptions tune evaluation and printing. */
export interface JSONPathOptions {
  /** allowMissingKeys is --allow-missing-template-keys (default true). */
  allowMissingKeys?: boolean;
  /** outputJSON prints each action's results as an indented JSON array (jsonpath-as-json). */
  outputJSON?: boolean;
}

function isRangeStart(node: JSONPathNode): boolean {
  return node.type === 'list' && node.nodes[0]?.type === 'identifier' && node.nodes[0].name === 'range';
}
function isRangeEnd(node: JSONPathNode): boolean {
  return node.type === 'list' && node.nodes.length === 1 && node.nodes[0].type === 'identifier' && node.nodes[0].name === 'end';
}

/** toBlocks nests the flat node list into range blocks. */
function toBlocks(nodes: JSONPathNode[], pos: { i: number }, nested: boolean): Block[] {
  const blocks: Block[] = [];
  while (pos.i < nodes.length) {
    const node = nodes[pos.i++];
    if (isRangeEnd(node)) {
      if (!nested) throw new Error('not in range, nothing to end');
      return blocks;
    }
    if (isRangeStart(node) && node.type === 'list') {
      blocks.push({ kind: 'range', over: { type: 'list', nodes: node.nodes.slice(1) }, body: toBlocks(nodes, pos, true) });
    } else {
      blocks.push({ kind: 'node', node });
    }
  }
  return blocks;
}

class Evaluator {
  constructor(private readonly allowMissingKeys: boolean) {}

  walk(input: Value[], node: JSONPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return node.nodes.reduce((values, n) => this.walk(values, n), input);
      case 'text':
        return [node.text];
      case 'int':
      case 'float':
      case 'bool':
        return [node.value];
      case 'field':
        return this.field(input, node.name);
      case 'array':
        return this.array(input, node.params);
      case 'filter':
        return this.filter(input, node);
      case 'wildcard':
        return input.flatMap((v) => (Array.isArray(v) ? v : isMap(v) ? Object.values(v) : []));
      case 'recursive':
        return this.recursive(input);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(input, n));
      case 'identifier':
        throw new Error(`unrecognized identifier ${node.name}`);
    }
  }

  private field(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const v of input) if (isMap(v) && Object.hasOwn(v, name)) results.push(v[name]);
    if (results.length === 0 && !this.allowMissingKeys) throw new Error(`${name} is not found`);
    return results;
  }

  private array(input: Value[], params: readonly ArrayParam[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new Error(`${typeName(v)} is not array or slice`);
      const len = v.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += len;
      let end = params[1].known ? params[1].value : len;
      if (end < 0 || (end === 0 && params[1].derived)) end += len;
      if (end === start) return result;
      if (start >= len || start < 0) throw new Error(`array index out of bounds: index ${start}, length ${len}`);
      if (end > len || end < 0) throw new Error(`array index out of bounds: index ${end - 1}, length ${len}`);
      if (start > end) throw new Error(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new Error('step must be > 0');
        step = params[2].value;
      }
      const slice = v.slice(start, end);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private filter(input: Value[], node: JSONPathNode & { type: 'filter' }): Value[] {
    const results: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new Error(`${goSharpV(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: Value[];
        try {
          lefts = this.walk([item], node.left);
        } catch (err) {
          if (node.operator === 'exists') continue;
          throw err;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new Error('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new Error('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.operator)) results.push(item);
      }
    }
    return results;
  }

  private recursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const v of input) {
      const children = Array.isArray(v) ? v : isMap(v) ? Object.values(v) : [];
      if (children.length === 0) continue;
      result.push(v, ...this.recursive(children));
    }
    return result;
  }

  /** run evaluates blocks against `data` and returns one result list per action. */
  run(blocks: Block[], data: Value): Value[][] {
    const out: Value[][] = [];
    for (const block of blocks) {
      if (block.kind === 'node') {
        out.push(this.walk([data], block.node));
      } else {
        for (const item of this.walk([data], block.over)) out.push(...this.run(block.body, item));
      }
    }
    return out;
  }
}

function typeName(v: Value): string {
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'interface {}';
}

function compare(left: Value, right: Value, op: string): boolean {
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  if (op === '==' || op === '!=') {
    if (typeof left !== typeof right) throw new Error('incompatible types for comparison');
    return (left === right) === (op === '==');
  }
  if (!bothNumbers && !(typeof left === 'string' && typeof right === 'string')) throw new Error('incompatible types for comparison');
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    case '>=':
      return l >= r;
  }
  throw new Error(`unrecognized filter operator ${op}`);
}

function textOf(v: Value): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v) || isMap(v)) return goCompactJSON(v);
  return String(v);
}

/** JSONPath is a parsed template ready to run; parsing errors throw with upstream's text. */
export class JSONPath {
  private readonly blocks: Block[];

  constructor(template: string) {
    const root = parseJSONPath(template);
    this.blocks = toBlocks(root.nodes, { i: 0 }, false);
  }

  /** results returns the raw results of each action (FindResults), missing keys allowed. */
  results(data: Value): Value[][] {
    return new Evaluator(true).run(this.blocks, data);
  }

  /** execute renders `data`; it throws Error with upstream's message when evaluation fails. */
  execute(data: Value, options: JSONPathOptions = {}): string {
    const groups = new Evaluator(options.allowMissingKeys ?? true).run(this.blocks, data);
    let out = '';
    for (const results of groups) {
      if (options.outputJSON) out += toJSON(sortKeys(results));
      else out += results.map(textOf).join(' ');
    }
    return out;
  }
}

/**
 * printJSONPath is kubectl's JSONPathPrinter: it parses `template`, runs it against
 * the object, and wraps failures in kubectl's "error executing jsonpath" message
 * (the caller prints "error: " before it).
 */
export function printJSONPath(template: string, data: Value, options: JSONPathOptions = {}): string {
  let path: JSONPath;
  try {
    path = new JSONPath(template);
  } catch (err) {
    throw new Error(`error parsing jsonpath ${template}, ${(err as Error).message}`, { cause: err });
  }
  try {
    return path.execute(data, options);
  } catch (err) {
    const detail =
      `Error executing template: ${(err as Error).message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
    throw new Error(`error executing jsonpath ${goQuote(template)}: ${detail}\n`, { cause: err });
  }
}
