export { API_ROLES, type ApiKeySpec, type ApiRole, parseApiKeyList } from './api-keys.js';
export { type Config, configVariables, loadConfig, projectRoot } from './config.js';
export { ConfigError } from './config-error.js';
