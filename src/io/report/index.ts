// Report renderers: text, JSON and SVG views of an analysis.
export { type AnalysisJson, analysisToJson, type JsonPoint } from './analysis-json.js';
export { analysisToText, describeOutcome, SOLUTION_LABELS, type TextReportOptions } from './analysis-text.js';
export { fmtCount, fmtGain, fmtPct, fmtU, fmtValue } from './format.js';
export { type UtilityPlotOptions, utilityPlotSvg } from './utility-plot.js';
