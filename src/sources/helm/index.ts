// Public entry point of the Helm source: render charts in-process and tell discovery which
// files belong to a chart (templates are never parsed as plain YAML).
export { renderChart, RENDER_ERROR, type HelmRenderResult, type RenderOptions } from './render.js';
export { findChartRoots, chartFileRole, isInsideChart, type ChartFileRole } from './layout.js';
