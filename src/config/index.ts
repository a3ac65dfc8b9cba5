export { API_ROLES, type ApiKeySpec, type ApiRole, MIN_API_KEY_LENGTH, parseApiKeyList } from './api-keys.js';
export { childProcessEnv } from './child-env.js';
export { type Config, configVariables, defaultDatasetsDir, loadConfig, readSetting } from './config.js';
export { ConfigError } from './config-error.js';
export {
  defaultModelDir,
  eventSchemaFile,
  findProjectRoot,
  MODEL_DIR_IN_PROJECT,
  projectRoot,
} from './project-paths.js';
