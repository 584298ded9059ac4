// The workbench server's entry (for `concord serve` and tests): start it, or build the app alone.
export { createApp } from './app.js';
export type { AppOptions } from './context.js';
export { defaultDataDir, openStore, type Store, type StoreOptions } from './db/open.js';
export { DEMO_PASSWORD, DEMO_ROOM, type DemoAccount } from './demo.js';
export { type RunningServer, type ServeOptions, startServer } from './serve.js';
