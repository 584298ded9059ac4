// Report renderers: text, JSON and SVG views of an analysis.
export { type AnalysisJson, analysisToJson, type JsonPoint } from './analysis-json.js';
export { analysisToText, describeOutcome, SOLUTION_LABELS, type TextReportOptions } from './analysis-text.js';
export { briefToHtml } from './brief-html.js';
export { briefToText, describeDistribution, describeEvidence } from './brief-text.js';
export {
  type AcceptanceRow,
  acceptanceSvg,
  type TimelineEntry,
  type TornadoBar,
  timelineSvg,
  tornadoSvg,
} from './charts.js';
export { fmtCount, fmtGain, fmtPct, fmtU, fmtValue } from './format.js';
export {
  analysisJsonSchema,
  briefJsonSchema,
  diffJsonSchema,
  OUTPUT_SCHEMAS,
  type OutputName,
  outputJsonSchema,
  outputJsonSchemaText,
  simulationJsonSchema,
  tournamentJsonSchema,
  whatifJsonSchema,
} from './schemas/index.js';
export { simulationPlotSvg } from './simulation-plot.js';
export {
  timelineChartSvg,
  timelineRows,
  timelineSectionHtml,
  timelineToHtml,
  timelineToText,
} from './timeline-report.js';
export { type UtilityPlotOptions, utilityPlotSvg } from './utility-plot.js';
