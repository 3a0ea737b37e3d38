/** sprintf formats like C printf for awk: %s %d %i %f %e %g %x %o %c %% with flags, width and precision. */
export function sprintf(format: string, args: string[]): string {
  let k = 0;
  return format.replace(/%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdifeEgGxXoc%])/g, (_m, flags: string, width: string, prec: string, conv: string) => {
    if (conv === '%') return '%';
    const w = width === '*' ? Number(args[k++] ?? 0) : Number(width ?? 0);
    const p = prec === undefined ? undefined : Number(prec);
    const arg = args[k++] ?? '';
    const num = parseFloat(arg) || 0;
    let text: string;
    switch (conv) {
      case 's':
        text = p === undefined ? arg : arg.slice(0, p);
        break;
      case 'c':
        text = /^\d+$/.test(arg) ? String.fromCharCode(Number(arg)) : arg.charAt(0);
        break;
      case 'd':
      case 'i':
        text = String(Math.trunc(num));
        break;
      case 'x':
      case 'X':
      case 'o':
        text = Math.trunc(num).toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') text = text.toUpperCase();
        break;
      case 'e':
      case 'E':
        text = num.toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (conv === 'E') text = text.toUpperCase();
        break;
      case 'g':
      case 'G':
        text = String(Number(num.toPrecision(p || 6)));
        break;
      default:
        text = num.toFixed(p ?? 6);
    }
    if (/[dif]/.test(conv) && num >= 0 && flags.includes('+')) text = '+' + text;
    if (text.length < w) {
      if (flags.includes('-')) text = text.padEnd(w);
      else if (flags.includes('0') && conv !== 's') text = text.startsWith('-') ? '-' + text.slice(1).padStart(w - 1, '0') : text.padStart(w, '0');
      else text = text.padStart(w);
    }
    return text;
  });
}
