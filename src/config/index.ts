export { type Config, configVariables, loadConfig, projectRoot } from './config.js';
export { ConfigError } from './config-error.js';
