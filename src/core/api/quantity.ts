/**
 * Quantity is resource.Quantity: `100m`, `1.5`, `128Mi`, `1G`, `1e3`.
 *
 * Models k8s.io/apimachinery/pkg/api/resource (quantity.go, suffix.go, amount.go).
 * We hold the exact value as a bigint count of nano-units: upstream rounds every
 * parsed value up (away from zero) to 1n, so nothing finer ever exists. The
 * format (DecimalSI, BinarySI, DecimalExponent) comes from the suffix and decides
 * how toString() serialises, which is what `kubectl get -o yaml` shows.
 */

/** QuantityFormat is resource.Format. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** quantityRegexpString is the grammar quoted in upstream's format error. */
export const quantityRegexpString = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** QuantityError is a quantity that failed to parse; its message is upstream's text. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuantityError';
  }
}

/** errFormatWrong, errSuffix, errNumeric are resource.ErrFormatWrong / ErrSuffix / ErrNumeric. */
export const errFormatWrong = `quantities must match the regular expression '${quantityRegexpString}'`;
export const errSuffix = "unable to parse quantity's suffix";
export const errNumeric = 'unable to parse numeric part of quantity';

const NANO = 1_000_000_000n;
const INT64_MAX = 9223372036854775807n;

const decimalSuffixes: Readonly<Record<string, number>> = {
  n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};
const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const decimalByExponent = new Map(Object.entries(decimalSuffixes).map(([s, e]) => [e, s]));
const binaryByExponent = new Map([[0, ''], ...Object.entries(binarySuffixes).map(([s, e]) => [e, s] as const)]);

interface Pieces {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** splitQuantity is parseQuantityString: sign, integer digits (leading zeros dropped), fraction, suffix. */
function splitQuantity(str: string): Pieces {
  let pos = 0;
  let positive = true;
  if (str[0] === '-' || str[0] === '+') {
    positive = str[0] === '+';
    pos++;
  }
  while (pos < str.length && str[pos] === '0') pos++;
  const numStart = pos;
  while (pos < str.length && isDigit(str[pos]!)) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const denomStart = pos;
    while (pos < str.length && isDigit(str[pos]!)) pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < str.length && isDigit(str[pos]!)) pos++;
  if (pos < str.length) throw new QuantityError(errFormatWrong);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** interpretSuffix maps a suffix to base, exponent and format (suffixHandler.interpret). */
function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } {
  const dec = decimalSuffixes[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = binarySuffixes[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  throw new QuantityError(errSuffix);
}

/** ceilDiv divides rounding away from zero, as upstream's "round up" does. */
function divAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d === n ? q : n < 0n ? q - 1n : q + 1n;
}

/** parsedQuantities memoises Quantity.parse by input (bounded: cleared past MAX_PARSED_QUANTITIES). */
const parsedQuantities = new Map<string | number, Quantity>();
const MAX_PARSED_QUANTITIES = 1024;

/** Quantity is an immutable resource.Quantity. */
export class Quantity {
  /** nanos is the exact value in units of 10^-9. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
  /** cached is the original text when upstream would keep it (its fast path for canonical input). */
  private readonly cached: string | undefined;

  constructor(nanos: bigint, format: QuantityFormat, cached?: string) {
    this.nanos = nanos;
    this.format = format;
    this.cached = cached;
  }

  /** Quantity.parse is resource.ParseQuantity; it also accepts JSON numbers. Throws QuantityError. */
  static parse(input: string | number): Quantity {
    // Quantities are immutable, and clusters repeat a few texts ("100m", "128Mi") in every
    // replica and Node: parsed ones are shared (bigint arithmetic costs ~20 µs per parse).
    let q = parsedQuantities.get(input);
    if (!q) {
      q = Quantity.parseUncached(input);
      if (parsedQuantities.size >= MAX_PARSED_QUANTITIES) parsedQuantities.clear();
      parsedQuantities.set(input, q);
    }
    return q;
  }

  private static parseUncached(input: string | number): Quantity {
    const str = typeof input === 'number' ? String(input) : input;
    if (str.length === 0) throw new QuantityError(errFormatWrong);
    if (str === '0') return new Quantity(0n, 'DecimalSI', '0');
    const { positive, num, denom, suffix } = splitQuantity(str);
    const { base, exponent, format: parsedFormat } = interpretSuffix(suffix);
    let format = parsedFormat;
    const digits = BigInt(num + denom);
    // value = digits × 10^-len(denom) × base^exponent, expressed in nanos and rounded away from zero.
    let numerator = digits * NANO;
    let denominator = 10n ** BigInt(denom.length);
    if (base === 2) numerator *= 2n ** BigInt(exponent);
    else if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
    else denominator *= 10n ** BigInt(-exponent);
    let nanos = divAwayFromZero(numerator, denominator);
    if (format === 'BinarySI' && nanos > INT64_MAX * NANO) nanos = INT64_MAX * NANO;
    if (format === 'BinarySI' && nanos > 0n && nanos < NANO) format = 'DecimalSI';
    if (!positive) nanos = -nanos;
    return new Quantity(nanos, format, keepsOriginalText(str, num, denom, base, exponent, format) ? str : undefined);
  }

  /** Quantity.fromValue is resource.NewQuantity(value, format). */
  static fromValue(value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value) * NANO, format);
  }

  /** Quantity.fromMilli is resource.NewMilliQuantity(milli, format). */
  static fromMilli(milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(milli) * 1_000_000n, format);
  }

  /** isZero reports a zero quantity. */
  isZero(): boolean {
    return this.nanos === 0n;
  }

  /** sign is -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }

  /** cmp compares values: -1, 0 or 1. */
  cmp(other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  /** equal compares values, ignoring format (resource.Quantity.Equal). */
  equal(other: Quantity): boolean {
    return this.nanos === other.nanos;
  }

  /** add returns this + other, keeping this format unless this is zero (Quantity.Add). */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.isZero() ? other.format : this.format);
  }

  /** sub returns this - other, keeping this format unless this is zero (Quantity.Sub). */
  sub(other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.isZero() ? other.format : this.format);
  }

  /** neg returns -this. */
  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /** scaledValue is Quantity.ScaledValue(scale): the value in units of 10^scale, rounded away from zero. */
  scaledValue(scale: number): bigint {
    const exp = 9 + scale;
    return exp >= 0 ? divAwayFromZero(this.nanos, 10n ** BigInt(exp)) : this.nanos * 10n ** BigInt(-exp);
  }

  /** value is Quantity.Value(): whole units, rounded away from zero. */
  value(): number {
    return Number(this.scaledValue(0));
  }

  /** milliValue is Quantity.MilliValue(): thousandths, rounded away from zero. */
  milliValue(): number {
    return Number(this.scaledValue(-3));
  }

  /** asApproximateFloat64 is Quantity.AsApproximateFloat64(). */
  asApproximateFloat64(): number {
    return Number(this.nanos) / 1e9;
  }

  /** toString is the canonical serialisation (Quantity.String / CanonicalizeBytes). */
  toString(): string {
    return this.cached ?? canonicalize(this.nanos, this.format);
  }

  /** toJSON serialises as a JSON string, as upstream's MarshalJSON does. */
  toJSON(): string {
    return this.toString();
  }
}

/**
 * keepsOriginalText mirrors the fast path in ParseQuantity, where the input string
 * is kept verbatim ("+1" stays "+1", "100Mi" stays "100Mi") because upstream judges it canonical.
 */
function keepsOriginalText(
  str: string,
  num: string,
  denom: string,
  base: 10 | 2,
  exponent: number,
  format: QuantityFormat,
): boolean {
  if (base === 2) {
    // Only whole, positive-exponent binary values take the fast path.
    if (denom.length > 0) return false;
    const precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    if (precision < 0) return false;
    const value = BigInt(num);
    if (value * 2n ** BigInt(exponent) > INT64_MAX) return false;
    return exponent % 10 === 0 && (value & 7n) !== 0n && format === 'BinarySI';
  }
  const precision = 18 - (num.length + denom.length);
  if (precision < 0) return false;
  const scale = exponent - denom.length;
  if (scale < -9) return false;
  const shifted = num + denom;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/** canonicalize renders nanos in the given format the way CanonicalizeBytes does. */
function canonicalize(nanos: bigint, requested: QuantityFormat): string {
  if (nanos === 0n) return '0';
  let format = requested;
  if (format === 'BinarySI') {
    // Small or fractional binary values are shown in decimal so nothing is rounded.
    if ((nanos > -1024n * NANO && nanos < 1024n * NANO) || nanos % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = nanos / NANO;
    let exponent = 0;
    while ((amount >= 1024n || amount <= -1024n) && amount % 1024n === 0n && exponent < 60) {
      amount /= 1024n;
      exponent += 10;
    }
    // NOTE: upstream would keep dividing past Ei; values that large never occur here.
    return `${amount}${binaryByExponent.get(exponent)!}`;
  }
  let amount = nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = decimalByExponent.get(exponent);
  return suffix !== undefined ? `${amount}${suffix}` : `${amount}e${exponent}`;
}

/** parseQuantity is Quantity.parse as a function. Throws QuantityError. */
export function parseQuantity(input: string | number): Quantity {
  return Quantity.parse(input);
}

/** canonicalQuantity parses and re-serialises, as an API server does when it stores an object. */
export function canonicalQuantity(input: string | number): string {
  return Quantity.parse(input).toString();
}
