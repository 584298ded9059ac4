// The workbench server's entry (for `concord serve` and tests): start it, or build the app alone.
export { type AppOptions, createApp } from './app.js';
export { defaultDataDir, openStore, type Store, type StoreOptions } from './db/open.js';
export { DEMO_PASSWORD, DEMO_ROOM, type DemoAccount } from './demo.js';
export { type RunningServer, type ServeOptions, startServer } from './serve.js';
