/**
 * Just enough of resource.Quantity (k8s.io/apimachinery/pkg/api/resource) for
 * describers: parse "250m", "128Mi", "1.5Gi", "1e3"; add; compare; and print the
 * canonical form kubectl prints ("0.5" → "500m", "1024Mi" → "1Gi", "1000" → "1k").
 *
 * Values are kept exactly as a BigInt count of nano-units, which covers every
 * suffix Kubernetes accepts (n … E, Ki … Ei) without float rounding.
 * NOTE: values finer than 1n round up, as upstream does.
 */

/** QuantityFormat is the suffix family a quantity was written in; it decides how it prints. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Quantity is a parsed resource quantity: `nanos` is the exact value × 10^9. */
export interface Quantity {
  nanos: bigint;
  format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_BY_EXPONENT: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_BY_EXPONENT = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** ZERO_QUANTITY is the zero value (a missing quantity), which prints "0". */
export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: 'DecimalSI' };

const pow = (base: bigint, exp: number): bigint => base ** BigInt(exp);

/** ceilDiv divides rounding away from zero, matching Quantity's round-up mode. */
function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  if (q * d === n) return q;
  return n > 0n ? q + 1n : q - 1n;
}

/** parseQuantity reads a quantity string (or a JSON number); it throws on malformed input. */
export function parseQuantity(input: string | number): Quantity {
  const text = String(input).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`quantities must match the regular expression: ${text}`);
  const [, sign, intPart, fracPart = '', suffix = ''] = m;
  const digits = BigInt((intPart || '0') + fracPart);
  let numerator = digits * NANO;
  let denominator = pow(10n, fracPart.length);
  let format: QuantityFormat;
  if (suffix in BINARY_SUFFIX) {
    format = 'BinarySI';
    numerator *= pow(1024n, BINARY_SUFFIX[suffix]!);
  } else if (suffix in DECIMAL_SUFFIX) {
    format = 'DecimalSI';
    const e = DECIMAL_SUFFIX[suffix]!;
    if (e >= 0) numerator *= pow(10n, e);
    else denominator *= pow(10n, -e);
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    const e = Number(suffix.slice(1));
    if (e >= 0) numerator *= pow(10n, e);
    else denominator *= pow(10n, -e);
  } else {
    throw new Error(`unable to parse quantity's suffix: ${text}`);
  }
  const nanos = ceilDiv(numerator, denominator);
  return { nanos: sign === '-' ? -nanos : nanos, format };
}

/** addQuantities is Quantity.Add: a zero receiver takes the other's format. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** compareQuantities returns -1, 0 or 1 like Quantity.Cmp. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** milliValue is Quantity.MilliValue: the value in thousandths, rounded up. */
export function milliValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, 1_000_000n));
}

/** quantityValue is Quantity.Value: the integer value, rounded up. */
export function quantityValue(q: Quantity): number {
  return Number(ceilDiv(q.nanos, NANO));
}

/** quantityToString is Quantity.String(): the canonical spelling in the quantity's format. */
export function quantityToString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional binary values print as DecimalSI to avoid rounding (CanonicalizeBytes).
    const abs = q.nanos < 0n ? -q.nanos : q.nanos;
    if (abs < 1024n * NANO || q.nanos % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.nanos / NANO;
    let exponent = 0;
    while (amount % 1024n === 0n && exponent < BINARY_BY_EXPONENT.length - 1) {
      amount /= 1024n;
      exponent++;
    }
    return `${amount}${BINARY_BY_EXPONENT[exponent]}`;
  }
  // Decimal: strip factors of ten, then lower the exponent to a multiple of three.
  let amount = q.nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const rest = exponent % 3;
  if (rest === 1 || rest === -2) {
    amount *= 10n;
    exponent -= 1;
  } else if (rest === 2 || rest === -1) {
    amount *= 100n;
    exponent -= 2;
  }
  if (format === 'DecimalSI' && exponent in DECIMAL_BY_EXPONENT) return `${amount}${DECIMAL_BY_EXPONENT[exponent]}`;
  return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
}

/** canonicalQuantity parses and re-prints a quantity string as kubectl shows it. */
export function canonicalQuantity(input: string | number | undefined): string {
  if (input === undefined) return '0';
  return quantityToString(parseQuantity(input));
}

/** ResourceList is a map of resource name to quantity string, e.g. {cpu: '250m'}. */
export type ResourceList = Record<string, string | number>;

/** sumResourceLists adds lists name by name (addResourceList in kubectl's resource helper). */
export function addResourceList(into: Map<string, Quantity>, list: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parseQuantity(value);
    const existing = into.get(name);
    into.set(name, existing ? addQuantities(existing, q) : q);
  }
}

/** maxResourceList keeps, per name, the larger of the current value and `list`'s (init containers). */
export function maxResourceList(into: Map<string, Quantity>, list: ResourceList | undefined): void {
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parseQuantity(value);
    const existing = into.get(name);
    if (!existing || compareQuantities(q, existing) > 0) into.set(name, q);
  }
}
