import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  ConfigError,
  defaultModelDir,
  findProjectRoot,
  loadConfig,
  projectRoot,
  readSetting,
} from '../../src/config/index.js';

describe('loadConfig', () => {
  it('gives working defaults for a local setup', () => {
    const config = loadConfig({});
    assert.equal(config.redisUrl, 'redis://127.0.0.1:6379');
    assert.equal(config.neo4jUri, 'bolt://127.0.0.1:7687');
    assert.equal(config.port, 8080);
    assert.equal(config.maxDocumentBytes, 50 * 1024 * 1024);
    assert.equal(config.dataDir, path.join(projectRoot, '.data'));
    assert.equal(config.modelPrecision, 'int8');
  });

  it('reads and converts values from the environment', () => {
    const config = loadConfig({
      PORT: '9000',
      MAX_DOCUMENT_BYTES: '2m',
      WORKER_CONCURRENCY: '4',
      WORKER_WRITE_AHEAD: '3',
      DATA_DIR: '/srv/finkg',
    });
    assert.equal(config.port, 9000);
    assert.equal(config.maxDocumentBytes, 2 * 1024 * 1024);
    assert.equal(config.workerConcurrency, 4);
    assert.equal(config.workerWriteAhead, 3);
    assert.equal(config.dataDir, '/srv/finkg');
  });

  it('names every bad variable and what it expects, in one error', () => {
    assert.throws(
      () => loadConfig({ PORT: '80a', REDIS_URL: 'http://x', MODEL_PRECISION: 'fp16', NEO4J_HEAP: 'lots' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 4);
        assert.match(error.message, /PORT must be an integer from 1 to 65535; got "80a"/);
        assert.match(error.message, /REDIS_URL must be a URL with scheme redis: or rediss:/);
        assert.match(error.message, /MODEL_PRECISION must be one of int8, fp32; got "fp16"/);
        assert.match(error.message, /NEO4J_HEAP must be a JVM size/);
        return true;
      },
    );
  });

  it('reads OCR on by default, off with OCR_ENABLED=false, and rejects anything else', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.ocrEnabled, true);
    assert.equal(defaults.ocrMaxPages, 50);
    assert.equal(defaults.ocrTimeoutSeconds, 120);
    assert.equal(loadConfig({ OCR_ENABLED: 'false' }).ocrEnabled, false);
    assert.equal(loadConfig({ OCR_ENABLED: '0' }).ocrEnabled, false);
    assert.throws(() => loadConfig({ OCR_ENABLED: 'no' }), /OCR_ENABLED must be true or false; got "no"/);
    assert.throws(() => loadConfig({ OCR_MAX_PAGES: '0' }), /OCR_MAX_PAGES must be an integer from 1/);
  });

  it('never prints a password it rejects', () => {
    assert.throws(
      () => loadConfig({ NEO4J_PASSWORD: 'short' }),
      (error: unknown) =>
        error instanceof ConfigError && /NEO4J_PASSWORD/.test(error.message) && !/short/.test(error.message),
    );
  });

  it('rejects out-of-range numbers', () => {
    assert.throws(
      () => loadConfig({ WORKER_CONCURRENCY: '0' }),
      /WORKER_CONCURRENCY must be an integer from 1/,
    );
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT must be an integer from 1 to 65535/);
  });
});

describe('the project root and the files in it', () => {
  it('is the folder holding package.json, found from any folder inside it (src/ or dist/)', () => {
    assert.ok(existsSync(path.join(projectRoot, 'package.json')));
    assert.equal(findProjectRoot(path.join(projectRoot, 'dist', 'src', 'config')), projectRoot);
    assert.equal(findProjectRoot(path.join(projectRoot, 'src', 'extract')), projectRoot);
    assert.throws(() => findProjectRoot(path.parse(projectRoot).root), /no package.json/);
  });

  it('gives the CLI and the workers the same model folder by default', () => {
    assert.equal(loadConfig({}).modelDir, defaultModelDir());
    assert.ok(existsSync(path.join(defaultModelDir(), 'config.json')));
  });

  it('reads one setting alone, so a bad unrelated variable does not stop a tool that needs only it', () => {
    const env = { NEO4J_PASSWORD: 'short', DATASETS_DIR: 'data-elsewhere' };
    assert.throws(() => loadConfig(env), ConfigError);
    assert.equal(readSetting('datasetsDir', env), path.join(projectRoot, 'data-elsewhere'));
    assert.throws(() => readSetting('neo4jPassword', env), /NEO4J_PASSWORD must be/);
    assert.equal(
      readSetting('financeDictFile', {}),
      path.join(projectRoot, 'models', 'lexicon', 'finance-dict.txt'),
    );
  });
});
