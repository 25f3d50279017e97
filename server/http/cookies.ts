/**
 * One cookie's value from a Cookie header, decoded like cookie-parser does (first occurrence wins, quotes removed),
 * without parsing the others: the respondent path reads exactly one cookie and skips cookie-parser.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let from = 0;
  while (from < header.length) {
    const end = header.indexOf(';', from);
    const stop = end === -1 ? header.length : end;
    const eq = header.indexOf('=', from);
    if (eq !== -1 && eq < stop && header.slice(from, eq).trim() === name) {
      let value = header.slice(eq + 1, stop).trim();
      if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!value.includes('%')) return value;
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
    from = stop + 1;
  }
  return undefined;
}
