/** Test helpers (`@tessera/warehouses/testing`): real engines and golden SQL files. Not for production code. */
export { duckdbEngine, mariadbEngine, postgresEngine, testEngines, type EngineSession, type TestEngine } from './engines.js';
export { expectGolden, formatSql } from './golden.js';
