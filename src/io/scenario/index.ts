// Concord's native scenario format (YAML or JSON): see docs/scenario-format.md.
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.js';
export { parseScenario } from './parse.js';
export { type ScenarioFile, scenarioFileSchema } from './schema.js';
export { scenarioToYaml } from './write.js';
