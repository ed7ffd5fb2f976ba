/**
 * `npm run bench:rank -- FILE.jsonl --scores OUT.txt` (scripts/bench-rank.ts): trains on the
 * train lines, scores the test lines in order without reading their labels, and names bad lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonl, scoreJsonl } from '@/scripts/bench-rank';

const FILE = path.resolve(import.meta.dirname, '../../../fixtures/rank-bench-tiny.jsonl');

describe('bench:rank JSONL mode', () => {
  it('scores each test line in order; the graph paper first, whatever the test labels say', () => {
    const lines = parseJsonl(readFileSync(FILE, 'utf8'));
    expect(lines).toHaveLength(10);
    const { scores, model } = scoreJsonl(lines);
    expect(model).toBeDefined();
    // Test lines, in file order: e1 (detection), e2 (graph neural networks), e3 (quantum).
    expect(scores).toHaveLength(3);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    const [detection, graph, quantum] = scores as [number, number, number];
    expect(graph).toBeGreaterThan(detection);
    expect(graph).toBeGreaterThan(quantum);
  });

  it('ignores test labels: changing them changes no score', () => {
    const text = readFileSync(FILE, 'utf8');
    const flipped = text.replace(/"split": "test", "label": 1/g, '"split": "test", "label": 0');
    expect(flipped).not.toBe(text);
    expect(scoreJsonl(parseJsonl(flipped)).scores).toEqual(scoreJsonl(parseJsonl(text)).scores);
  });

  it('names the first bad line', () => {
    const good = '{"id":"a","title":"A","authors":[],"categories":[],"label":1,"split":"train"}';
    expect(() => parseJsonl(`${good}\n{"id":"b","title":"B"`)).toThrow('line 2: not valid JSON');
    expect(() => parseJsonl(`${good}\n\n{"id":"c","title":"C","label":1,"split":"dev"}`)).toThrow(
      'line 3: "split" must be "train" or "test"',
    );
    expect(() => parseJsonl('{"id":"d","title":"D","split":"train","label":"yes"}')).toThrow(
      'line 1: "label" must be 0 or 1 on a train line',
    );
    expect(() => parseJsonl('{"id":"e","title":"E","authors":"Bengio","split":"test"}')).toThrow(
      'line 1: "authors" must be an array of strings',
    );
    expect(() => parseJsonl('[1]')).toThrow('line 1: not a JSON object');
  });
});
