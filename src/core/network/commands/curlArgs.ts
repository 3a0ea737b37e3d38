/**
 * curlArgs parses the curl options tutorials use: -s -S -i -I -v -o -X -H -d -m -f -L -k -w -A,
 * their long forms, bundled short flags (`-sSL`, `-fsS`) and attached values (`-XPOST`, `-m5`).
 */

/** CurlOptions is a parsed curl command line. */
export interface CurlOptions {
  urls: string[];
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  location: boolean;
  insecure: boolean;
  method?: string;
  headers: [string, string][];
  data?: string;
  output?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  writeOut?: string;
  userAgent?: string;
}

/** CurlArgError is a usage error: curl prints `curl: option X: ...` and exits 2. */
export type CurlParse = { ok: true; options: CurlOptions } | { ok: false; message: string; exitCode: number };

const VALUE_SHORT = new Set(['o', 'X', 'H', 'd', 'm', 'w', 'A', 'u', 'e', 'b', 'c', 'F', 'T', 'x', 'r', 'C']);
const LONG_ALIASES: Record<string, string> = {
  silent: 's', 'show-error': 'S', include: 'i', head: 'I', verbose: 'v', fail: 'f', location: 'L', insecure: 'k',
  request: 'X', header: 'H', data: 'd', 'data-raw': 'd', 'data-binary': 'd', 'data-ascii': 'd', output: 'o',
  'max-time': 'm', 'write-out': 'w', 'user-agent': 'A', 'connect-timeout': '@connect', 'fail-with-body': 'f',
  http1: '@ignore', 'http1.1': '@ignore', ipv4: '@ignore', 'no-progress-meter': 's', 'retry': '@value', 'compressed': '@ignore',
};

function applyFlag(o: CurlOptions, flag: string, value: string | undefined): string | undefined {
  switch (flag) {
    case 's': o.silent = true; break;
    case 'S': o.showError = true; break;
    case 'i': o.include = true; break;
    case 'I': o.head = true; break;
    case 'v': o.verbose = true; break;
    case 'f': o.fail = true; break;
    case 'L': o.location = true; break;
    case 'k': o.insecure = true; break;
    case '4': case '@ignore': case '@value': break;
    case 'X': o.method = value; break;
    case 'H': {
      const i = (value ?? '').indexOf(':');
      if (i > 0) o.headers.push([value!.slice(0, i).trim(), value!.slice(i + 1).trim()]);
      break;
    }
    case 'd': o.data = o.data === undefined ? value : `${o.data}&${value}`; break;
    case 'o': o.output = value; break;
    case 'w': o.writeOut = value; break;
    case 'A': o.userAgent = value; break;
    case 'm':
    case '@connect': {
      const secs = Number(value);
      if (!Number.isFinite(secs)) return `curl: option ${flag === 'm' ? '-m' : '--connect-timeout'}: expected a proper numerical parameter`;
      if (flag === 'm') o.maxTimeMs = secs * 1000;
      else o.connectTimeoutMs = secs * 1000;
      break;
    }
    default:
      return `curl: option -${flag}: is unknown`;
  }
  return undefined;
}

/** parseCurlArgs parses argv (without argv[0]). */
export function parseCurlArgs(args: string[]): CurlParse {
  const o: CurlOptions = {
    urls: [], silent: false, showError: false, include: false, head: false, verbose: false, fail: false,
    location: false, insecure: false, headers: [],
  };
  const usage = "curl: try 'curl --help' or 'curl --manual' for more information";
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const flag = LONG_ALIASES[name];
      if (!flag) return { ok: false, message: `curl: option --${name}: is unknown\n${usage}\n`, exitCode: 2 };
      const needs = VALUE_SHORT.has(flag) || flag === '@connect' || flag === '@value';
      const value = needs ? (inline ?? args[++i]) : undefined;
      if (needs && value === undefined) return { ok: false, message: `curl: option --${name}: requires parameter\n${usage}\n`, exitCode: 2 };
      const err = applyFlag(o, flag, value);
      if (err) return { ok: false, message: `${err}\n${usage}\n`, exitCode: 2 };
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const flag = a[j];
        if (VALUE_SHORT.has(flag)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return { ok: false, message: `curl: option -${flag}: requires parameter\n${usage}\n`, exitCode: 2 };
          const err = applyFlag(o, flag, value);
          if (err) return { ok: false, message: `${err}\n${usage}\n`, exitCode: 2 };
          break;
        }
        const err = applyFlag(o, flag, undefined);
        if (err) return { ok: false, message: `${err}\n${usage}\n`, exitCode: 2 };
      }
    } else {
      o.urls.push(a);
    }
  }
  return { ok: true, options: o };
}
