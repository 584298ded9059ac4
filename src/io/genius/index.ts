// GENIUS XML and GeniusWeb JSON import/export.
export { type GeniusDomain, parseGeniusDomain } from './domain.js';
export { exportGeniusXml, type GeniusExport, type GeniusFile } from './export.js';
export { parseGeniusWebDomain, parseGeniusWebProfile } from './geniusweb.js';
export { parseGeniusProfile } from './profile.js';
