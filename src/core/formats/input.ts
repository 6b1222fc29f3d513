// What every opened file goes through before a parser sees it: the size limit, a check that the bytes
// are text at all (not a PNG or a spreadsheet named .json), and UTF-8 decoding with a located error.
import type { GraphIssue, IssueCode } from '../validate';

/** Limits checked before (or, for element counts, while) a file is parsed. */
export interface LoadLimits {
  /** Largest file accepted, in bytes (text is measured as UTF-8). */
  maxBytes: number;
  /** Most nodes plus edges in one file. */
  maxElements: number;
  /** Deepest nesting of JSON arrays and objects, or of XML elements. */
  maxDepth: number;
}

export const DEFAULT_LIMITS: LoadLimits = {
  maxBytes: 50 * 1024 * 1024, // 50 MB
  maxElements: 200_000, // nodes + edges
  maxDepth: 64, // nested JSON values or XML elements
};

/** A located problem found while reading a file; load.ts turns it into a GraphIssue. */
export class FormatError extends Error {
  /** The file the problem is in, when it is not the one opened (a CSV's nodes file). */
  file?: string;
  constructor(
    readonly code: IssueCode,
    message: string,
    readonly at: Location = {},
  ) {
    super(message);
  }
}

/** Where in a file: line and column (1-based) in text, or row and column (1-based) in a CSV table. */
export interface Location {
  line?: number;
  column?: number;
  row?: number;
  /** The file, when it is not the one opened (a CSV's nodes file). */
  file?: string;
  /** A path in a JSON file, turned into a line and column only when a problem must be shown there. */
  jsonPath?: (string | number)[];
}

/** Something a reader changed or left out; the graph still opens. `kind` names the sort of change. */
export interface LoadWarning extends Omit<Location, 'file'> {
  kind: string;
  file: string;
  message: string;
}

export function issueAt(code: IssueCode, file: string, message: string, at: Location = {}): GraphIssue {
  const issue: GraphIssue = { code, file: at.file ?? file, path: '', message };
  if (at.row !== undefined) issue.row = at.row;
  if (at.line !== undefined) issue.line = at.line;
  if (at.column !== undefined) issue.column = at.column;
  return issue;
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (an Excel or LibreOffice spreadsheet is one: save it as CSV)',
  },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive (unpack it first)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (save it as CSV)' },
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The text of a file given as bytes: refuses files over the size limit, binary files and text that is
 * not UTF-8 (UTF-16 included), each with a message saying what the file looks like and where the
 * first bad byte is. A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, limits: LoadLimits): string {
  checkSize(bytes.length, limits);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new FormatError(
      'not-text',
      'the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8 and open it again',
      { line: 1, column: 1 },
    );
  }
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) {
      throw new FormatError('not-text', `the file is not text: it looks like ${sig.what}`, {
        line: 1,
        column: 1,
      });
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    const hint =
      bytes.length > 1 && (bytes[1] === 0 || bytes[0] === 0)
        ? ' (every other byte is zero: UTF-16 text without a byte-order mark; save it as UTF-8)'
        : ' (a binary file?)';
    throw new FormatError('not-text', `the file is not UTF-8 text: it holds a NUL byte${hint}`, {
      ...lineColumn(before, before.length),
    });
  }
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    const bad = firstInvalidUtf8(bytes, start);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(start, bad));
    throw new FormatError(
      'not-text',
      `the file is not UTF-8 text: byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')} cannot start or continue a UTF-8 character (Latin-1 or Windows-1252? save the file as UTF-8)`,
      lineColumn(before, before.length),
    );
  }
}

/** Offset of the first byte that makes `bytes` invalid UTF-8, found by halving with the decoder. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  const valid = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = start; // bytes[start, lo) decode
  let hi = bytes.length; // bytes[start, hi) do not
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  // The sequence that fails ends at hi - 1: it starts at the lead byte before it, if there is one.
  let at = hi - 1;
  for (let k = hi - 2; k >= Math.max(start, hi - 4); k--) {
    const byte = bytes[k] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      at = k;
      break;
    }
    if ((byte & 0xc0) !== 0x80) break;
  }
  return Math.max(at, start);
}

export function checkSize(bytes: number, limits: LoadLimits): void {
  if (bytes > limits.maxBytes) {
    throw new FormatError(
      'too-large',
      `the file is ${formatBytes(bytes)}; files up to ${formatBytes(limits.maxBytes)} can be opened`,
    );
  }
}

/** The byte length of `text` in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function tooManyElements(count: number, limits: LoadLimits, at: Location = {}): FormatError {
  return new FormatError(
    'too-large',
    `the file has more than ${limits.maxElements.toLocaleString('en')} nodes and edges (${count.toLocaleString('en')} read so far); larger graphs cannot be opened`,
    at,
  );
}

/** A file as it was opened: bytes (a picked or dropped file, a download) or text (a paste). */
export interface FileInput {
  name: string;
  bytes?: Uint8Array;
  text?: string;
}

/** Text of an input, with the size limit and encoding checks. */
export function inputText(input: FileInput, limits: LoadLimits): string {
  if (input.text !== undefined) {
    if (input.text.length > limits.maxBytes / 3) checkSize(utf8Length(input.text), limits);
    const nul = input.text.indexOf('\u0000');
    if (nul !== -1) {
      throw new FormatError(
        'not-text',
        'the text holds a NUL character: it is not a text file',
        lineColumn(input.text, nul),
      );
    }
    return input.text.replace(/^\ufeff/, '');
  }
  return decodeText(input.bytes ?? new Uint8Array(), limits);
}
