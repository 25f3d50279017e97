import { useEffect, useRef, useState } from 'react';
import type { Result } from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import './reports.css';

/**
 * vega is most of the staff code by weight: loaded with the first chart, not with the login page or the registry.
 * One promise for the session, so every chart of a page shares the download.
 */
let vega: Promise<[typeof import('vega-embed'), typeof import('vega-interpreter')]> | null = null;
const loadVega = () => (vega ??= Promise.all([import('vega-embed'), import('vega-interpreter')]));

/**
 * A vega-lite chart drawn without eval (the CSP forbids it): specs are parsed to ASTs and run by
 * vega-interpreter. Each chart offers its PNG and SVG, made by the view itself.
 */
export function Chart({ spec, title, fileName }: { spec: TopLevelSpec; title: string; fileName: string }) {
  const container = useRef<HTMLDivElement>(null);
  const result = useRef<Result | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const el = container.current;
    if (!el) return;
    loadVega()
      .then(([{ default: embed }, { expressionInterpreter }]) =>
        cancelled ? null : embed(el, spec, { ast: true, expr: expressionInterpreter, actions: false, renderer: 'svg', i18n: { PNG_ACTION: 'PNG', SVG_ACTION: 'SVG' } as never }),
      )
      .then(
        (r) => {
          if (!r) return;
          if (cancelled) r.finalize();
          else result.current = r;
        },
        () => {
          // A failed download is tried again by the next chart rather than remembered for the session.
          vega = null;
          if (!cancelled) setError('Le graphique n’a pas pu être dessiné ; les chiffres restent dans le tableau.');
        },
      );
    return () => {
      cancelled = true;
      result.current?.finalize();
      result.current = null;
    };
  }, [spec]);

  async function download(type: 'png' | 'svg') {
    const view = result.current?.view;
    if (!view) return;
    const url = await view.toImageURL(type, type === 'png' ? 2 : 1);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.${type}`;
    document.body.append(a);
    a.click();
    a.remove();
  }

  return (
    <figure className="chart-box" aria-label={title}>
      <div ref={container} className="chart-canvas" role="img" aria-label={(spec as { description?: string }).description ?? title} data-chart={fileName} />
      {error && <p role="alert">{error}</p>}
      <div className="chart-actions">
        <button type="button" className="secondary" onClick={() => download('png')}>
          Télécharger en PNG<span className="sr-only"> : {title}</span>
        </button>
        <button type="button" className="secondary" onClick={() => download('svg')}>
          Télécharger en SVG<span className="sr-only"> : {title}</span>
        </button>
      </div>
    </figure>
  );
}
