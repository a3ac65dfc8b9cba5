export { API_ROLES, type ApiKeySpec, type ApiRole, MIN_API_KEY_LENGTH, parseApiKeyList } from './api-keys.js';
export { type Config, configVariables, loadConfig, projectRoot } from './config.js';
export { ConfigError } from './config-error.js';
