import { spawn } from 'node:child_process';
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../config/index.js';
import { ServiceStartError } from './service-status.js';

const pomFile = path.join(projectRoot, 'services', 'neo4j', 'pom.xml');

/** The Neo4j version pinned in services/neo4j/pom.xml: one place to change it. */
export async function pinnedNeo4jVersion(): Promise<string> {
  const pom = await readFile(pomFile, 'utf8');
  const version = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom)?.[1];
  if (!version) throw new ServiceStartError(`${pomFile} does not pin <neo4j.version>`);
  return version;
}

/**
 * The class path folder of the Neo4j Community server, resolved from Maven Central once per version
 * into the cache dir. A marker file is written last, so an interrupted download is redone.
 */
export async function resolveNeo4jLibDir(cacheDir: string): Promise<{ libDir: string; version: string }> {
  const version = await pinnedNeo4jVersion();
  const libDir = path.join(cacheDir, `neo4j-${version}`, 'lib');
  const marker = path.join(libDir, '.complete');
  try {
    await access(marker);
    return { libDir, version };
  } catch {
    // not resolved yet
  }
  const staging = `${libDir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  await runMaven([
    '-q',
    '-B',
    '-f',
    pomFile,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${staging}`,
  ]);
  const jars = (await readdir(staging)).filter((f) => f.endsWith('.jar'));
  if (!jars.some((f) => f.startsWith(`neo4j-${version}`))) {
    throw new ServiceStartError(`Maven finished but ${staging} holds no neo4j-${version}.jar`);
  }
  await writeFile(path.join(staging, '.complete'), `${jars.length} jars\n`);
  await rm(libDir, { recursive: true, force: true });
  await rename(staging, libDir);
  return { libDir, version };
}

function runMaven(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) =>
      reject(
        new ServiceStartError(
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'mvn is not on PATH: Maven is needed once to fetch the Neo4j server (Debian: apt-get install -y maven), or set NEO4J_URI to a running Neo4j.'
            : `could not run mvn: ${error.message}`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new ServiceStartError(
              `mvn could not resolve the Neo4j server (exit ${code}):\n${output.slice(-2000)}`,
            ),
          ),
    );
  });
}
