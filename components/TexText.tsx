import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { hasTex, type TexSegment, texSegments } from '@/utils/pages/texSegments';

type Temml = typeof import('temml').default;

/**
 * Loaded on the first string with math, as its own chunk: most days' titles have none, and the
 * popup should not parse ~200 KB of TeX renderer to show plain text.
 */
let loading: Promise<Temml> | undefined;
function loadTemml(): Promise<Temml> {
  loading ??= import('temml').then((module) => module.default);
  return loading;
}

/**
 * The text comes from pages: nothing that can link, load or style (trust: false), bounded sizes
 * and macro expansion. A formula that does not parse falls back to its source as text.
 */
const TEMML_OPTIONS = {
  trust: false,
  throwOnError: true,
  strict: false,
  maxSize: [10, 100] as [number, number],
  maxExpand: 100,
};

function TexMath({ tex, temml }: { tex: string; temml: Temml }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    try {
      // Builds MathML elements with createElementNS: no markup string is parsed.
      temml.render(tex, element, TEMML_OPTIONS);
    } catch {
      setFailed(true);
    }
  }, [tex, temml]);
  if (failed) return <>{`$${tex}$`}</>;
  return <span ref={ref} className="tex" />;
}

/**
 * Text from a page with its inline TeX (`$k$-NN`, `$\mathcal{O}(n)$`) rendered as MathML. Only
 * the math segments reach the renderer; everything else is rendered as text. Until the renderer
 * has loaded, the raw text shows.
 */
export function TexText({ text }: { text: string }) {
  const segments = useMemo<TexSegment[] | null>(
    () => (hasTex(text) ? texSegments(text) : null),
    [text],
  );
  const [temml, setTemml] = useState<Temml | null>(null);
  useEffect(() => {
    if (segments === null) return;
    let live = true;
    loadTemml().then(
      (loaded) => {
        if (live) setTemml(() => loaded);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [segments]);

  if (segments === null || temml === null) return <>{text}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one string, never reordered
          <span key={index}>{segment.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one string, never reordered
          <TexMath key={index} tex={segment.tex} temml={temml} />
        ),
      )}
    </>
  );
}
