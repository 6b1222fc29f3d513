// JSON text to a value, safely: nesting deeper than the limit is refused with its line and column
// before any recursive parser runs (JSON.parse and jsonc-parser's tree both recurse), and a syntax
// error is reported where it is.
import { createScanner, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { FormatError, lineColumn } from './input';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/**
 * Throws a located `too-deep` error when arrays and objects nest deeper than `maxDepth` anywhere in
 * `text`. Uses jsonc-parser's scanner, which reads tokens one by one without recursion.
 */
export function checkJsonDepth(text: string, maxDepth: number): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) {
        throw new FormatError(
          'too-deep',
          `arrays and objects are nested more than ${maxDepth} deep here; such files are refused`,
          { line: scanner.getTokenStartLine() + 1, column: scanner.getTokenStartCharacter() + 1 },
        );
      }
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
}

/** Parses `text` as JSON after the depth check; a syntax error is a located `invalid-json` error. */
export function parseJson(text: string, maxDepth: number): unknown {
  checkJsonDepth(text, maxDepth);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const where = first ? lineColumn(text, first.offset) : { line: 1, column: 1 };
    const what = first
      ? printParseErrorCode(first.error)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()
      : 'unexpected content';
    throw new FormatError(
      'invalid-json',
      `not valid JSON: ${what} at line ${where.line}, column ${where.column}`,
      where,
    );
  }
}

/** A JSON value found inside a file (e.g. an `ag:evidence` attribute), parsed with the same depth limit. */
export function parseEmbeddedJson(text: string, maxDepth: number): unknown {
  checkJsonDepth(text, maxDepth);
  return JSON.parse(text) as unknown;
}
