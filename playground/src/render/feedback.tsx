/** Feedback: Alert, Toast, Progress, Chart, Loading, Error; and Graph (simple SVG drawings). */
import { useContext } from 'preact/hooks';
import type { JSX } from 'preact';
import { HostContext, isAction, str, type WireAction } from './context';

type P = Record<string, unknown>;
const PALETTE = ['#4f7cff', '#2fbf71', '#f5a524', '#e5484d', '#9b5de5', '#00b8d9'];

function Alert(p: P): JSX.Element {
  const v = str(p.variant ?? p.type) || 'info';
  return <div class={`alert a-${v}`} role="alert">{p.title ? <b>{str(p.title)} </b> : null}{str(p.message)}<span class="small muted"> ({v})</span></div>;
}

function Toast(p: P): JSX.Element {
  const host = useContext(HostContext);
  return (
    <div class={`alert toast a-${str(p.variant) || 'info'}`}>
      {p.title ? <b>{str(p.title)} </b> : null}{str(p.message)}
      {p.duration !== undefined ? <span class="small muted"> ({str(p.duration)} ms)</span> : null}
      {isAction(p.action) ? <button type="button" class="btn sm" onClick={() => host.act(p.action as WireAction)}>{str(p.action_label)}</button> : null}
    </div>
  );
}

function Progress(p: P): JSX.Element {
  const max = Number(p.max ?? 100) || 100;
  const pct = Math.max(0, Math.min(100, (Number(p.value) / max) * 100));
  return (
    <div class={`progress c-${str(p.color)}`}>
      <div class="small">{str(p.label)} <b>{str(p.value)}</b>{p.variant === 'circular' ? ' (circular)' : ''}</div>
      <div class="bar"><div style={{ width: `${pct}%` }} /></div>
    </div>
  );
}

function Chart(p: P): JSX.Element {
  const data = (Array.isArray(p.data) ? p.data : []) as P[];
  const xKey = str(p.x_key) || 'name';
  const series = Array.isArray(p.series) && p.series.length ? (p.series as P[]) : Object.keys(data[0] ?? {}).filter((k) => k !== xKey).map((k): P => ({ key: k, label: k }));
  const type = str(p.chart_type) || 'line';
  const h = Number(p.height ?? 200) || 200;
  const w = 360;
  const values = data.flatMap((d) => series.map((s) => Number(d[str(s.key)]) || 0));
  const max = Math.max(1, ...values);
  const x = (i: number): number => 30 + (i * (w - 40)) / Math.max(1, data.length - 1);
  const y = (v: number): number => h - 20 - (v / max) * (h - 40);
  let body: JSX.Element[];
  if (type === 'pie') {
    const key = str(series[0]?.key);
    const total = data.reduce((a, d) => a + (Number(d[key]) || 0), 0) || 1;
    let angle = 0;
    body = data.map((d, i) => {
      const frac = (Number(d[key]) || 0) / total;
      const a0 = angle;
      angle += frac * Math.PI * 2;
      const r = h / 2 - 10;
      const [cx, cy] = [w / 2, h / 2];
      const large = frac > 0.5 ? 1 : 0;
      const path = `M${cx},${cy} L${cx + r * Math.cos(a0)},${cy + r * Math.sin(a0)} A${r},${r} 0 ${large} 1 ${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} Z`;
      return <path key={i} d={path} fill={PALETTE[i % PALETTE.length]} />;
    });
  } else {
    body = series.map((s, si) => {
      const color = str(s.color) || PALETTE[si % PALETTE.length]!;
      const k = str(s.key);
      if (type === 'bar') {
        const bw = (w - 40) / Math.max(1, data.length) / Math.max(1, series.length) - 2;
        return <g key={k}>{data.map((d, i) => <rect key={i} x={20 + i * ((w - 40) / Math.max(1, data.length)) + si * (bw + 2)} y={y(Number(d[k]) || 0)} width={Math.max(bw, 1)} height={h - 20 - y(Number(d[k]) || 0)} fill={color} />)}</g>;
      }
      return <polyline key={k} fill="none" stroke={color} stroke-width="2" points={data.map((d, i) => `${x(i)},${y(Number(d[k]) || 0)}`).join(' ')} />;
    });
  }
  return (
    <div class="chart">
      {p.title ? <b>{str(p.title)}</b> : null} <span class="small muted">{type} chart{p.description ? ` — ${str(p.description)}` : ''}</span>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img">{body}</svg>
      <div class="small legend">
        {series.map((s, i) => <span key={str(s.key)} style={{ color: str(s.color) || PALETTE[i % PALETTE.length] }}>■ {str(s.label ?? s.key)} </span>)}
        {Array.isArray(p.y2_keys) && p.y2_keys.length ? <span> right axis: {(p.y2_keys as unknown[]).map(str).join(', ')}</span> : null}
      </div>
      <div class="small muted">{xKey}: {data.map((d) => str(d[xKey])).join(', ')}</div>
    </div>
  );
}

function Loading(p: P): JSX.Element {
  return <div class={`loading l-${str(p.variant)}`}>⏳ {str(p.message)}</div>;
}

function ErrorView(p: P): JSX.Element {
  const host = useContext(HostContext);
  return (
    <div class="alert a-error" role="alert">
      <b>{str(p.title) || 'Error'}</b> {str(p.message)}
      {isAction(p.retry) ? <button type="button" class="btn sm" onClick={() => host.act(p.retry as WireAction)}>Retry</button> : null}
    </div>
  );
}

function Graph(p: P): JSX.Element {
  const host = useContext(HostContext);
  const nodes = (Array.isArray(p.nodes) ? p.nodes : []) as P[];
  const edges = (Array.isArray(p.edges) ? p.edges : []) as P[];
  const h = Math.min(Number(p.height ?? 300) || 300, 400);
  const w = 400;
  const pos = new Map(nodes.map((n, i) => {
    const a = (i / Math.max(1, nodes.length)) * Math.PI * 2;
    return [str(n.id), [w / 2 + (w / 2 - 40) * Math.cos(a), h / 2 + (h / 2 - 30) * Math.sin(a)] as const];
  }));
  return (
    <div class="graph">
      <span class="small muted">graph, layout {str(p.layout)}, colour by {str(p.color_by)}</span>
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`}>
        {edges.map((e, i) => {
          const a = pos.get(str(e.source));
          const b = pos.get(str(e.target));
          return a && b ? <g key={i}><line x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} stroke="#888" />{p.edge_label_visible ? <text x={(a[0] + b[0]) / 2} y={(a[1] + b[1]) / 2} font-size="10">{str(e.label)}</text> : null}</g> : null;
        })}
        {nodes.map((n, i) => {
          const [cx, cy] = pos.get(str(n.id)) ?? [0, 0];
          return (
            <g key={i} class={isAction(p.on_node_click) ? 'clickable' : ''} onClick={() => isAction(p.on_node_click) && host.act(p.on_node_click as WireAction, { node_id: str(n.id) })}>
              <circle cx={cx} cy={cy} r={Math.max(6, Math.min(Number(n.size ?? 10), 20))} fill={PALETTE[i % PALETTE.length]} />
              <text x={cx + 10} y={cy + 4} font-size="11">{str(n.label ?? n.id)}</text>
            </g>
          );
        })}
      </svg>
      <div class="small">{nodes.map((n) => str(n.label ?? n.id)).join(' · ')}</div>
      <div class="small muted">{edges.map((e) => `${str(e.source)}→${str(e.target)}${e.label ? ` (${str(e.label)})` : ''}`).join(', ')}</div>
    </div>
  );
}

export const FEEDBACK = { Alert, Toast, Progress, Chart, Loading, Error: ErrorView, Graph };
