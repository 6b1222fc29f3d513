// What text from a graph file may hold. Labels and quotes end up in the page, in SVG and in PDF:
// control characters, lone surrogates and non-characters are refused at validation, so every text
// that passes is valid in XML and prints as written.

const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const NON_CHARACTERS = '\\ufffe\\uffff';

/** One line of text (labels, names, ids): any control character is unsafe, tab and newline included. */
export const UNSAFE_TEXT = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${NON_CHARACTERS}]|${LONE_SURROGATE}`);

/** Running text (descriptions, quotes, captions): tab, line feed and carriage return are allowed. */
export const UNSAFE_LONG_TEXT = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${NON_CHARACTERS}]|${LONE_SURROGATE}`,
);

/** The first unsafe character in `s` as "U+0007 at character 12", or undefined when there is none. */
export function firstUnsafe(s: string, long = false): { codePoint: string; index: number } | undefined {
  const m = (long ? UNSAFE_LONG_TEXT : UNSAFE_TEXT).exec(s);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  return { codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, index: m.index };
}

/** Only http: and https: links are ever followed or drawn as links. */
export function isWebUrl(url: string | undefined): url is string {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
