// XML text to a small element tree for the GEXF and GraphML readers, with saxes (a streaming,
// non-recursive parser that never expands entities beyond XML's five and character references and
// never reads external ones). Each element keeps its line and column; nesting deeper than the limit,
// too many nodes and edges, and entity declarations are refused while reading, with where.
import { SaxesParser } from 'saxes';
import { replaceUnsafe } from './imported';
import { FormatError, tooManyElements, type LoadLimits } from './input';

export interface XmlElement {
  /** Local name in lower case: `viz:color` is `color`. */
  name: string;
  /** The name as written, prefix and case included. */
  qname: string;
  /** Attributes by name as written; a prototype-free object. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, joined. */
  text: string;
  line: number;
  column: number;
}

const localName = (qname: string) => {
  const colon = qname.indexOf(':');
  return (colon === -1 ? qname : qname.slice(colon + 1)).toLowerCase();
};

/**
 * Parses `text` into its root element. `countAs` names the elements counted against the element
 * limit (e.g. node and edge). Throws a located FormatError for malformed XML, entity declarations,
 * nesting deeper than `limits.maxDepth` and more elements than `limits.maxElements`.
 */
export function parseXml(text: string, limits: LoadLimits, countAs: ReadonlySet<string>): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let counted = 0;
  let start = { line: 1, column: 1 };
  const here = () => ({ line: parser.line, column: parser.column + 1 });

  parser.on('error', (err) => {
    const message = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    throw new FormatError('invalid-xml', `not well-formed XML: ${message}`, here());
  });
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new FormatError(
        'invalid-xml',
        'the file declares its own entities (<!ENTITY …>); they are never expanded, so such files are refused',
        here(),
      );
    }
  });
  parser.on('opentagstart', (tag) => {
    start = { line: parser.line, column: Math.max(1, parser.column - tag.name.length) };
    if (stack.length >= limits.maxDepth) {
      throw new FormatError(
        'too-deep',
        `elements are nested more than ${limits.maxDepth} deep here; such files are refused`,
        start,
      );
    }
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: localName(tag.name),
      qname: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
      ...start,
    };
    if (countAs.has(element.name) && ++counted > limits.maxElements) {
      throw tooManyElements(counted, limits, start);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(text).close();
  if (!root) throw new FormatError('invalid-xml', 'the file has no XML element', { line: 1, column: 1 });
  return root;
}

/** Children of `el` with local name `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** An attribute by name, ignoring case (files in the wild write `Source`, `ID` …). */
export function attr(el: XmlElement, name: string): string | undefined {
  const exact = el.attributes[name];
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  for (const key of Object.keys(el.attributes)) if (key.toLowerCase() === lower) return el.attributes[key];
  return undefined;
}

/** First descendant (depth-first, not `el` itself) with local name `name`; iterative. */
export function descendantNamed(el: XmlElement, name: string): XmlElement | undefined {
  const todo = [...el.children];
  while (todo.length > 0) {
    const next = todo.shift()!;
    if (next.name === name) return next;
    todo.unshift(...next.children);
  }
  return undefined;
}

/**
 * Text made safe inside an XML attribute value or element: markup characters as entities, tab and
 * line breaks as character references so attribute-value normalisation keeps them, and characters
 * XML cannot hold at all (other control characters, lone surrogates, U+FFFE/U+FFFF, which an
 * attribute value of a native file may contain) as U+FFFD.
 */
export function escapeXml(value: string | number | boolean): string {
  return replaceUnsafe(String(value), true)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** `name="value"` pairs for the defined entries of `attrs`. */
export function xmlAttributes(attrs: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join('');
}
