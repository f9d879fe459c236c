import { describe, expect, it } from 'vitest';
import { compactSegments } from './diffSegments';

const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');

describe('compactSegments', () => {
  it('keeps short unchanged text whole', () => {
    const segments = [
      { op: 'equal' as const, text: 'De gemeente ' },
      { op: 'insert' as const, text: 'en de bewoners ' },
      { op: 'equal' as const, text: 'betalen.' },
    ];
    expect(compactSegments(segments)).toEqual(segments);
  });

  it('shortens long unchanged text around a change, and loses no text', () => {
    const before = long('voor', 100);
    const after = long('na', 100);
    const segments = [
      { op: 'equal' as const, text: `${before} ` },
      { op: 'delete' as const, text: 'oud' },
      { op: 'insert' as const, text: 'nieuw' },
      { op: 'equal' as const, text: ` ${after}` },
    ];
    const shown = compactSegments(segments, 20);
    expect(shown.map((s) => s.op)).toEqual(['gap', 'equal', 'delete', 'insert', 'equal', 'gap']);
    expect(shown.map((s) => s.text).join('')).toBe(segments.map((s) => s.text).join(''));
    const kept = shown.filter((s) => s.op === 'equal');
    for (const segment of kept) expect(segment.text.length).toBeLessThanOrEqual(36);
  });

  it('keeps context on both sides of an unchanged stretch between two changes', () => {
    const middle = long('midden', 60);
    const shown = compactSegments(
      [
        { op: 'insert', text: 'A' },
        { op: 'equal', text: middle },
        { op: 'delete', text: 'B' },
      ],
      30,
    );
    expect(shown.map((s) => s.op)).toEqual(['insert', 'equal', 'gap', 'equal', 'delete']);
    expect(shown.map((s) => s.text).join('')).toBe(`A${middle}B`);
  });
});
