import { describe, expect, it } from 'vitest';
import type { ActorNode, ClaimEdge, Source } from '../model';
import { checkQuotes, formatQuoteProblem, normaliseQuoteText, quoteOccursIn } from './quoteCheck';

const TEXT =
  'Mr. Kirby added the U.S. did not want to escalate:\n  “Nobody’s looking for a conflict with Iran.”';

function edge(id: string, source: string, quote: string): ClaimEdge {
  return {
    id,
    source: 'a',
    target: 'b',
    relation: 'attacks',
    certainty: 'reported',
    evidence: [{ source, quote }],
  };
}

function node(id: string, source: string, quote: string): ActorNode {
  return { id, label: id, kind: 'state', evidence: [{ source, quote }] };
}

describe('normaliseQuoteText', () => {
  it('collapses whitespace and straightens curly quotes, nothing else', () => {
    expect(normaliseQuoteText('  “Nobody’s\n\tlooking”  ')).toBe(`"Nobody's looking"`);
    expect(normaliseQuoteText('‘a’ — b')).toBe("'a' — b");
  });
});

describe('quoteOccursIn', () => {
  it.each([
    ['exact words', 'did not want to escalate'],
    ['straight quotes for curly ones', `"Nobody's looking for a conflict with Iran."`],
    ['different line breaks', 'escalate: “Nobody’s looking'],
  ])('finds a quote with %s', (_, quote) => {
    expect(quoteOccursIn(quote, TEXT)).toBe(true);
  });

  it.each([
    ['a changed word', 'did not want to attack'],
    ['changed punctuation', 'did not want to escalate;'],
    ['changed case', 'Did not want to escalate'],
    ['nothing at all', '   '],
  ])('rejects %s', (_, quote) => {
    expect(quoteOccursIn(quote, TEXT)).toBe(false);
  });
});

describe('checkQuotes', () => {
  const local: Source = {
    id: 'local',
    title: 't',
    publisher: 'p',
    published: '2023-10-27',
    localCopy: 'x.txt',
  };
  const online: Source = {
    id: 'online',
    title: 't',
    publisher: 'p',
    published: '2023-10-27',
    url: 'https://example.org/',
  };
  const nowhere: Source = { id: 'nowhere', title: 't', publisher: 'p', published: '2023-10-27' };
  const missing: Source = {
    id: 'missing',
    title: 't',
    publisher: 'p',
    published: '2023-10-27',
    localCopy: 'gone.txt',
  };
  const read = (s: Source) => (s.localCopy === 'x.txt' ? TEXT : undefined);

  it('reports each problem with its edge, evidence index and code', () => {
    const problems = checkQuotes(
      {
        sources: [local, online, nowhere, missing],
        edges: [
          edge('kirby-no-conflict', 'local', 'Nobody’s looking for a conflict with Iran.'),
          edge('kirby-altered', 'local', 'Nobody’s looking for a war with Iran.'),
          edge('online-only', 'online', 'anything at all'),
          edge('no-copy-no-url', 'nowhere', 'anything at all'),
          edge('copy-gone', 'missing', 'anything at all'),
        ],
        nodes: [
          { id: 'no-evidence', label: 'x', kind: 'state' },
          node('kirby-quoted', 'local', 'did not want to escalate'),
          node('kirby-misquoted', 'local', 'did not want to attack'),
          node('node-no-copy-no-url', 'nowhere', 'anything at all'),
        ],
      },
      read,
    );
    expect(problems.map((p) => [p.element, p.elementId, p.evidence, p.code])).toEqual([
      ['edge', 'kirby-altered', 0, 'quote-not-found'],
      ['edge', 'no-copy-no-url', 0, 'unverifiable-source'],
      ['edge', 'copy-gone', 0, 'copy-unreadable'],
      ['node', 'kirby-misquoted', 0, 'quote-not-found'],
      ['node', 'node-no-copy-no-url', 0, 'unverifiable-source'],
    ]);
  });

  it('names the node or edge in the line it formats', () => {
    const [p] = checkQuotes(
      { sources: [local], edges: [], nodes: [node('kirby', 'local', 'did not want to attack')] },
      read,
    );
    expect(formatQuoteProblem(p!)).toBe(
      'node "kirby" evidence[0]: quote-not-found in source "local": “did not want to attack”',
    );
  });

  it('reads each copy once', () => {
    let reads = 0;
    const e = edge('one', 'local', 'escalate');
    checkQuotes({ sources: [local], edges: [e, { ...e, id: 'two' }], nodes: [] }, (s) => (reads++, read(s)));
    expect(reads).toBe(1);
  });
});
