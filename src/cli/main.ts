#!/usr/bin/env node
import { Command } from 'commander';
import { registerDemoCommand } from './commands/demo.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerExtractCommand } from './commands/extract.js';
import { registerFeaturesCommand } from './commands/features.js';
import { registerParseCommand } from './commands/parse.js';
import { registerPseudoLabelCommand } from './commands/pseudo-label.js';
import { registerQueryCommand } from './commands/query.js';
import { registerServeCommand } from './commands/serve.js';
import { registerServicesCommand } from './commands/services.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSubmitCommand } from './commands/submit.js';
import { registerWorkerCommand } from './commands/worker.js';

// Each command module adds one subcommand; keep this list in the order of the flow.
const program = new Command('finkg').description('Chinese financial documents in, a knowledge graph out.');
registerServicesCommand(program);
registerFeaturesCommand(program);
registerParseCommand(program);
registerExtractCommand(program);
registerEvalCommand(program);
registerPseudoLabelCommand(program);
registerSubmitCommand(program);
registerStatusCommand(program);
registerServeCommand(program);
registerWorkerCommand(program);
registerQueryCommand(program);
registerDemoCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (bad config, a service that will not start, bad input) carry a message for people.
  console.error(`finkg: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
